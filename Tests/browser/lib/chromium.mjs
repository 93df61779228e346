// A small headless-Chromium driver for tests: the DevTools protocol over --remote-debugging-pipe
// (fd 3: commands to Chromium, fd 4: its replies and events, NUL-delimited JSON), no npm packages.
//
//   import { launch, missingChromium } from './lib/chromium.mjs';
//   test('…', { skip: missingChromium }, async () => {
//     const browser = await launch();
//     try {
//       const page = await browser.newPage();
//       await page.goto('http://127.0.0.1:8080/');
//       await page.type('#search-input', 'кризис');
//       await page.waitFor('[role=option]');
//       console.log(await page.evaluate(() => document.title), page.requests, page.errors);
//       await page.screenshot('/tmp/page.png');
//     } finally { await browser.close(); }
//   });
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function findChromium() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const chromiumPath = findChromium();
/** A skip reason for node:test when no Chromium is installed, else false. */
export const missingChromium = chromiumPath ? false : 'Chromium is not installed (apt-get install chromium, or set CHROMIUM)';

const KEYS = {
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Escape: { code: 'Escape', keyCode: 27 },
  ArrowDown: { code: 'ArrowDown', keyCode: 40 },
  ArrowUp: { code: 'ArrowUp', keyCode: 38 },
  ArrowRight: { code: 'ArrowRight', keyCode: 39 },
  Tab: { code: 'Tab', keyCode: 9 },
  ArrowLeft: { code: 'ArrowLeft', keyCode: 37 },
  ArrowRight: { code: 'ArrowRight', keyCode: 39 },
  Home: { code: 'Home', keyCode: 36 },
  End: { code: 'End', keyCode: 35 },
  Backspace: { code: 'Backspace', keyCode: 8 },
  '/': { code: 'Slash', keyCode: 191, text: '/' },
};

/** Starts Chromium with a fresh temporary profile. */
export async function launch({ args = [], width = 1280, height = 800, timeout = 20000 } = {}) {
  if (!chromiumPath) throw new Error(missingChromium);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-chromium-'));
  const child = spawn(chromiumPath, [
    '--headless=new', '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--no-first-run',
    '--no-default-browser-check', '--disable-gpu', '--disable-extensions', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--mute-audio', '--hide-scrollbars',
    // Root in a container has no user namespace for the sandbox.
    ...(process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []),
    `--window-size=${width},${height}`, ...args, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  const browser = new Browser(child, profile, timeout);
  await browser.send('Target.setDiscoverTargets', { discover: true });
  return browser;
}

class Browser {
  constructor(child, profile, timeout) {
    this.child = child;
    this.profile = profile;
    this.timeout = timeout;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.stderr = '';
    this.exited = false;
    let buffer = '';
    child.stdio[4].on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        this.dispatch(message);
      }
    });
    child.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    child.on('exit', () => {
      this.exited = true;
      for (const { reject } of this.pending.values()) reject(new Error('Chromium exited\n' + this.stderr));
      this.pending.clear();
    });
  }

  dispatch(message) {
    if (message.id && this.pending.has(message.id)) {
      const { resolve, reject, method } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  /** Sends a DevTools command (to a page when `sessionId` is given) and waits for its result. */
  send(method, params = {}, sessionId) {
    if (this.exited) return Promise.reject(new Error('Chromium is not running\n' + this.stderr));
    const id = this.nextId++;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out`));
      }, this.timeout);
      this.pending.set(id, {
        method,
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.child.stdio[3].write(JSON.stringify(message) + '\0');
    });
  }

  /** Calls `listener(message)` for every event; returns a function that stops it. */
  on(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async newPage() {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, sessionId, targetId);
    await Promise.all(['Page.enable', 'Runtime.enable', 'Network.enable', 'Log.enable'].map((m) => page.send(m)));
    return page;
  }

  async close() {
    if (!this.exited) {
      try { await this.send('Browser.close'); } catch { /* already gone */ }
      await new Promise((resolve) => {
        if (this.exited) return resolve();
        const timer = setTimeout(() => { this.child.kill('SIGKILL'); resolve(); }, 5000);
        this.child.on('exit', () => { clearTimeout(timer); resolve(); });
      });
    }
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}

class Page {
  constructor(browser, sessionId, targetId) {
    this.browser = browser;
    this.sessionId = sessionId;
    this.targetId = targetId;
    /** Every request the page made: {url, type, status, bytes} (bytes as received, when known). */
    this.requests = [];
    /** Uncaught exceptions, console errors and failed loads, as text. */
    this.errors = [];
    const byId = new Map();
    browser.on((m) => {
      if (m.sessionId !== sessionId) return;
      const p = m.params || {};
      switch (m.method) {
        case 'Network.requestWillBeSent': {
          const r = { url: p.request.url, type: p.type, status: 0, bytes: 0 };
          byId.set(p.requestId, r);
          this.requests.push(r);
          break;
        }
        case 'Network.responseReceived': {
          const r = byId.get(p.requestId);
          if (r) r.status = p.response.status;
          break;
        }
        case 'Network.loadingFinished': {
          const r = byId.get(p.requestId);
          if (r) r.bytes = p.encodedDataLength;
          break;
        }
        case 'Network.loadingFailed': {
          const r = byId.get(p.requestId);
          this.errors.push(`failed to load ${r ? r.url : p.requestId}: ${p.errorText}${p.blockedReason ? ' (' + p.blockedReason + ')' : ''}`);
          break;
        }
        case 'Runtime.exceptionThrown':
          this.errors.push('exception: ' + (p.exceptionDetails.exception?.description || p.exceptionDetails.text));
          break;
        case 'Runtime.consoleAPICalled':
          if (p.type === 'error') this.errors.push('console.error: ' + p.args.map((a) => a.value ?? a.description).join(' '));
          break;
        case 'Log.entryAdded':
          if (p.entry.level === 'error') this.errors.push(`${p.entry.source}: ${p.entry.text}${p.entry.url ? ' ' + p.entry.url : ''}`);
          break;
      }
    });
  }

  send(method, params) { return this.browser.send(method, params, this.sessionId); }

  /** Navigates and waits for the load event. */
  async goto(url) {
    const loaded = this.waitForEvent('Page.loadEventFired');
    const { errorText } = await this.send('Page.navigate', { url });
    if (errorText) throw new Error(`navigating to ${url}: ${errorText}`);
    await loaded;
  }

  waitForEvent(method, timeout = this.browser.timeout) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { stop(); reject(new Error(`no ${method} within ${timeout} ms`)); }, timeout);
      const stop = this.browser.on((m) => {
        if (m.sessionId === this.sessionId && m.method === method) {
          clearTimeout(timer);
          stop();
          resolve(m.params);
        }
      });
    });
  }

  /** Evaluates a function (with JSON-serialisable arguments) or an expression in the page. */
  async evaluate(fn, ...args) {
    const expression = typeof fn === 'function' ? `(${fn})(...${JSON.stringify(args)})` : fn;
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', {
      expression, awaitPromise: true, returnByValue: true, userGesture: true,
    });
    if (exceptionDetails) throw new Error('in page: ' + (exceptionDetails.exception?.description || exceptionDetails.text));
    return result.value;
  }

  /** Waits until `selector` matches (or a predicate function returns truthy) in the page. */
  async waitFor(selectorOrFn, { timeout = 5000, interval = 25 } = {}) {
    const probe = typeof selectorOrFn === 'function' ? selectorOrFn : `!!document.querySelector(${JSON.stringify(selectorOrFn)})`;
    const started = Date.now();
    for (;;) {
      let value;
      try {
        value = await this.evaluate(probe);
      } catch (error) {
        // A probe that meets a navigation (a redirect page forwarding the reader) is asked again
        // in the new document, not failed.
        if (!/navigated or closed|context was destroyed|Cannot find context/i.test(String(error?.message))) throw error;
      }
      if (value) return value;
      if (Date.now() - started > timeout) throw new Error(`waitFor(${selectorOrFn}) timed out after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, interval));
    }
  }

  async focus(selector) {
    await this.evaluate((s) => { const e = document.querySelector(s); if (!e) throw new Error('no ' + s); e.focus(); }, selector);
  }

  /** Types text key by key into the focused element (or `selector`'s), as a keyboard would. */
  async type(selectorOrText, maybeText) {
    const text = maybeText === undefined ? selectorOrText : maybeText;
    if (maybeText !== undefined) await this.focus(selectorOrText);
    for (const ch of text) {
      await this.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
      await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
    }
  }

  /** Presses a named key: Enter, Escape, ArrowDown, ArrowUp, ArrowLeft, ArrowRight, Home, End, Tab, Backspace, '/'. */
  async press(key) {
    const k = KEYS[key];
    if (!k) throw new Error('unknown key ' + key);
    const common = { key, code: k.code, windowsVirtualKeyCode: k.keyCode, nativeVirtualKeyCode: k.keyCode };
    await this.send('Input.dispatchKeyEvent', { type: k.text ? 'keyDown' : 'rawKeyDown', ...common, ...(k.text ? { text: k.text } : {}) });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
  }

  async click(selector) {
    const box = await this.evaluate((s) => {
      const e = document.querySelector(s);
      if (!e) throw new Error('no ' + s);
      e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, selector);
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
    }
  }

  /** Emulates light or dark colour scheme (prefers-color-scheme). */
  async colorScheme(value) {
    await this.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value }] });
  }

  /** Saves a PNG of the viewport (or the full page) and returns its path. */
  async screenshot(file, { fullPage = false } = {}) {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: fullPage });
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
    return file;
  }
}
