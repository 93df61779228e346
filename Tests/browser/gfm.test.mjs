// GitHub-flavoured Markdown in a real browser: a wide table scrolls inside its own box on a
// phone while the page stays put, the box takes keyboard focus, callouts show their icon
// (a CSS mask, so the page carries no SVG) in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, missingChromium } from './lib/chromium.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { buildFixture, missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
let browser;
let server;
before(async () => {
  if (skip) return;
  browser = await launch();
  server = await serveDirectory(buildFixture('gfm'));
});
after(async () => {
  if (server) await server.close();
  if (browser) await browser.close();
});

async function pageAt(width, height) {
  const page = await browser.newPage();
  await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: width < 600 });
  return page;
}

test('a wide table scrolls inside its wrapper at 375 px, the page does not scroll sideways', { skip }, async () => {
  const page = await pageAt(375, 667);
  await page.goto(server.url + 'markdown/');
  const state = await page.evaluate(() => {
    const wrap = document.querySelector('.table-wrap');
    const table = wrap.querySelector('table');
    return {
      pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
      wrapWidth: wrap.getBoundingClientRect().width,
      viewport: window.innerWidth,
      tableWidth: table.getBoundingClientRect().width,
      columnsWidth: [...table.rows[0].cells].reduce((sum, c) => sum + c.getBoundingClientRect().width, 0),
      overflow: getComputedStyle(wrap).overflowX,
      scrollable: wrap.scrollWidth > wrap.clientWidth,
      tabindex: wrap.getAttribute('tabindex'),
      role: wrap.getAttribute('role'),
      label: wrap.getAttribute('aria-label'),
    };
  });
  assert.equal(state.pageScrolls, false, 'the page scrolls sideways');
  assert.ok(state.wrapWidth <= state.viewport, `wrapper ${state.wrapWidth}px is wider than the ${state.viewport}px screen`);
  assert.ok(state.columnsWidth > state.wrapWidth, 'the fixture table\'s columns fit the screen: the test proves nothing');
  assert.ok(state.tableWidth > state.wrapWidth, `the table box is clamped to its wrapper (${state.tableWidth}px for ${Math.round(state.columnsWidth)}px of columns): the table scrolls itself, not the focusable wrapper`);
  assert.equal(state.overflow, 'auto');
  assert.ok(state.scrollable, 'the wrapper does not scroll');
  assert.equal(state.tabindex, '0');
  assert.equal(state.role, 'region');
  assert.match(state.label, /^Таблица: Площадка, Первый ответ, Кто отвечает$/);

  // The keyboard reaches the box and scrolls it.
  await page.focus('.table-wrap');
  await page.press('ArrowRight');
  await page.press('ArrowRight');
  const scrolled = await page.waitFor(() => document.querySelector('.table-wrap').scrollLeft > 0).then(() => true, () => false);
  assert.ok(scrolled, 'arrow keys do not scroll the focused table');
  assert.equal(await page.evaluate(() => window.scrollX), 0, 'the page moved sideways');
  await page.screenshot('/tmp/almanac-gfm-375.png');
});

test('a narrow table fills the column, alignment follows the colons', { skip }, async () => {
  const page = await pageAt(1366, 768);
  await page.goto(server.url + 'markdown/');
  const state = await page.evaluate(() => {
    const [wide, narrow] = document.querySelectorAll('.table-wrap');
    const cell = wide.querySelector('tbody td:nth-child(2)');
    const last = wide.querySelector('tbody td:last-child');
    return {
      narrowScrolls: narrow.scrollWidth > narrow.clientWidth,
      fills: Math.abs(narrow.querySelector('table').getBoundingClientRect().width - narrow.getBoundingClientRect().width) < 2,
      center: getComputedStyle(cell).textAlign,
      right: getComputedStyle(last).textAlign,
    };
  });
  assert.equal(state.narrowScrolls, false);
  assert.ok(state.fills, 'a narrow table does not span the text column');
  assert.equal(state.center, 'center');
  assert.equal(state.right, 'right');
});

test('callouts show a coloured icon and title in light and dark; checkboxes replace bullets', { skip }, async () => {
  const page = await pageAt(1366, 768);
  for (const scheme of ['light', 'dark']) {
    await page.colorScheme(scheme);
    await page.goto(server.url + 'markdown/');
    const callouts = await page.evaluate(() => [...document.querySelectorAll('.markdown-alert')].map((box) => {
      const title = box.querySelector('.markdown-alert-title');
      const icon = getComputedStyle(title, '::before');
      return {
        title: title.textContent,
        color: getComputedStyle(title).color,
        border: getComputedStyle(box).borderLeftColor,
        mask: icon.maskImage || icon.webkitMaskImage,
        iconWidth: parseFloat(icon.width),
      };
    }));
    assert.deepEqual(callouts.map((c) => c.title), ['Примечание', 'Совет', 'Важно', 'Внимание', 'Осторожно']);
    assert.equal(new Set(callouts.map((c) => c.color)).size, 5, `${scheme}: the five kinds share a colour`);
    for (const c of callouts) {
      assert.equal(c.color, c.border, `${scheme}: ${c.title} title and edge differ`);
      assert.match(c.mask, /^url\("data:image\/svg\+xml/, `${scheme}: ${c.title} has no icon`);
      assert.ok(c.iconWidth > 10, `${scheme}: ${c.title} icon is not drawn`);
    }
    const bullets = await page.evaluate(() => [...document.querySelectorAll('li')]
      .filter((li) => li.querySelector('input[type=checkbox]')).map((li) => getComputedStyle(li).listStyleType));
    assert.deepEqual(bullets, ['none', 'none']);
    await page.screenshot(`/tmp/almanac-gfm-${scheme}.png`, { fullPage: true });
  }
});
