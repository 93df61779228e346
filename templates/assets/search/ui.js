/* Almanac search UI: the header combobox on every page and the full search page. Builds every
 * element with textContent — page data is never parsed as HTML. Loads index pieces with fetch
 * over http and with <script> twins from file:// (see loaders.js). A classic script. */
(function () {
  'use strict';
  const Almanac = window.Almanac;
  if (!Almanac || !Almanac.search) return;

  // Every word shown comes from templates/i18n through data-text-* attributes of the search box
  // (and of the search page for its own controls): the theme speaks the site's language.
  const box = document.querySelector('[data-search-box]');
  const pageBox = document.querySelector('[data-search-page]');
  const say = (key, values = {}) => {
    const attr = 'text' + key[0].toUpperCase() + key.slice(1);
    const template = (box && box.dataset[attr]) || (pageBox && pageBox.dataset[attr]) || '';
    return template.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
  };
  const TEXT = {
    nothing: say('nothing'),
    partial: say('partial'),
    corrected: (query) => say('corrected', { query }),
    all: (n) => say('all', { n }),
    found: (n) => say('found', { n }),
    any: say('any'),
    failed: (error) => say('failed', { error }),
    authors: say('authors'),
  };
  const DROPDOWN_LIMIT = 7;
  const PAGE_SIZE = 10;
  // Long enough to skip the words in between for a fast typist, short enough to feel instant.
  const DEBOUNCE_MS = 100;

  const rootMeta = document.querySelector('meta[name="almanac-root"]');
  const root = rootMeta ? rootMeta.getAttribute('content') || '' : '';
  const offline = location.protocol === 'file:';
  let engine = null;
  function getEngine() {
    if (!engine) {
      const base = root + 'search/';
      const load = offline ? Almanac.search.scriptLoader(base) : Almanac.search.fetchLoader(base);
      engine = Almanac.search.createEngine({ load });
    }
    return engine;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function appendParts(node, parts) {
    for (const p of parts) {
      if (p.mark) node.appendChild(el('mark', null, p.text));
      else node.appendChild(document.createTextNode(p.text));
    }
    return node;
  }

  function searchPageURL(query, filters) {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const [facet, value] of Object.entries(filters || {})) if (value) params.set(facet, value);
    const qs = params.toString();
    return root + 'search/' + (offline ? 'index.html' : '') + (qs ? '?' + qs : '');
  }

  /**
   * One result's inside: the title on a line of its own (the labels wrap under it, so a phone never
   * squeezes it into a column), then type, situation and status, where it leads, the phrasing
   * readers use that matched, the snippet.
   */
  function resultBody(r) {
    const frag = document.createDocumentFragment();
    appendParts(frag.appendChild(el('span', 'search-hit-title')), r.titleParts);
    const labels = el('span', 'search-hit-labels');
    if (r.typeLabel) labels.appendChild(el('span', 'search-hit-type', r.typeLabel));
    if (r.label) labels.appendChild(el('span', 'search-hit-label', r.label));
    if (r.status) labels.appendChild(el('span', 'search-hit-status', r.status)).dataset.status = r.status;
    if (labels.firstChild) frag.appendChild(labels);
    if (r.heading) frag.appendChild(el('span', 'search-hit-heading', r.heading));
    if (r.askedAs && r.askedAs.length) appendParts(frag.appendChild(el('span', 'search-hit-asked')), r.askedAs);
    if (r.snippet.length) appendParts(frag.appendChild(el('span', 'search-hit-snippet')), r.snippet);
    return frag;
  }

  /** A section of a page-level result, as a secondary line under it. */
  function subLink(r, s) {
    const a = el('a', 'search-hit search-sub');
    a.href = root + s.url;
    a.appendChild(el('span', 'search-hit-heading', s.heading));
    return a;
  }

  // ---- header combobox (ARIA 1.2 pattern) ---------------------------------------------

  function setupCombobox(form) {
    const input = form.querySelector('[role="combobox"]');
    const listbox = form.querySelector('[role="listbox"]');
    const status = form.querySelector('[data-search-status]');
    if (!input || !listbox) return;
    let active = -1, options = [], sequence = 0, timer = 0;

    function open() {
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function activate(i) {
      options.forEach((o, k) => o.setAttribute('aria-selected', k === i ? 'true' : 'false'));
      active = i;
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', options[i].id);
        options[i].scrollIntoView({ block: 'nearest' });
      } else input.removeAttribute('aria-activedescendant');
    }

    function render(response) {
      listbox.replaceChildren();
      options = [];
      const { results, total, partial, corrected } = response;
      if (corrected) listbox.appendChild(el('div', 'search-message search-corrected', TEXT.corrected(corrected)));
      if (response.scope === 'authors' && results.length) listbox.appendChild(el('div', 'search-message search-scope', TEXT.authors));
      if (!results.length) {
        listbox.appendChild(el('div', 'search-message', TEXT.nothing));
      } else {
        if (partial) listbox.appendChild(el('div', 'search-message', TEXT.partial));
        // Options are links in the tab order: Tab from the box walks the results, then the page.
        const option = (a, id) => {
          a.id = id;
          a.setAttribute('role', 'option');
          a.setAttribute('aria-selected', 'false');
          listbox.appendChild(a);
          options.push(a);
          return a;
        };
        results.forEach((r, i) => {
          const a = el('a', 'search-hit');
          a.href = root + r.url;
          a.appendChild(resultBody(r));
          option(a, 'search-option-' + i);
          (r.sections || []).forEach((s, k) => option(subLink(r, s), `search-option-${i}-${k}`));
        });
        const all = el('a', 'search-hit search-all', TEXT.all(total));
        option(all, 'search-option-all');
        all.href = searchPageURL(input.value.trim());
      }
      if (status) {
        status.textContent = (corrected ? TEXT.corrected(corrected) + '. ' : '') +
          (results.length ? TEXT.found(total) + (partial ? '. ' + TEXT.partial : '') : TEXT.nothing);
      }
      active = -1;
      open();
    }

    async function update() {
      const query = input.value;
      const mine = ++sequence;
      if (!query.trim()) return close();
      try {
        const response = await getEngine().search(query, { limit: DROPDOWN_LIMIT });
        if (mine === sequence && document.activeElement === input) render(response);
      } catch (error) {
        if (mine !== sequence) return;
        listbox.replaceChildren(el('div', 'search-message search-error', TEXT.failed(error.message)));
        open();
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
    });
    input.addEventListener('focus', () => {
      getEngine().ready().catch(() => {});
      if (input.value.trim()) update();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (listbox.hidden) { update(); return; }
        if (!options.length) return;
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        activate(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
      } else if (e.key === 'Enter' && active >= 0 && !listbox.hidden) {
        e.preventDefault();
        location.href = options[active].href;
      } else if (e.key === 'Escape') {
        if (!listbox.hidden) { e.preventDefault(); close(); }
        else if (input.value) { e.preventDefault(); input.value = ''; }
        else input.blur();
      }
    });
    // Clicks inside the popup must not blur the input first, or it closes before the link is followed.
    listbox.addEventListener('mousedown', (e) => e.preventDefault());
    // The popup stays open while focus is in the box or on a result (Tab walks them), and closes
    // once focus leaves both: the next Tab reaches the page.
    form.addEventListener('focusout', (e) => {
      if (e.relatedTarget && form.contains(e.relatedTarget)) return;
      setTimeout(() => { if (!form.contains(document.activeElement)) close(); }, 0);
    });
    listbox.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
        input.focus();
      }
    });
  }

  // `/` focuses the header search box unless the reader is typing somewhere.
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    const input = document.querySelector('[data-search-box] [role="combobox"]');
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  // ---- full search page -----------------------------------------------------------------

  const FACETS = ['type', 'section', 'tag', 'status', 'channel'].map((facet) => [facet, pageBox ? pageBox.getAttribute('data-facet-' + facet) || facet : facet]);

  function setupSearchPage(page) {
    const form = page.querySelector('form');
    const input = form.querySelector('input[name="q"]');
    const filtersBox = page.querySelector('[data-search-filters]');
    const summary = page.querySelector('[data-search-summary]');
    const list = page.querySelector('[data-search-results]');
    const more = page.querySelector('[data-search-more]');
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    const selects = {};
    let shown = 0, sequence = 0, timer = 0;

    // The writers' documentation is out of the readers' search unless this box is ticked.
    const scopeBox = page.querySelector('[data-search-scope]');
    if (scopeBox) {
      scopeBox.checked = params.get('scope') === 'all';
      scopeBox.addEventListener('change', () => run(true));
    }
    const scope = () => (scopeBox && scopeBox.checked ? 'all' : null);

    function filters() {
      const f = {};
      for (const [facet] of FACETS) if (selects[facet] && selects[facet].value) f[facet] = selects[facet].value;
      return f;
    }

    async function buildFilters() {
      const facets = await getEngine().facets();
      for (const [facet, label] of FACETS) {
        const values = facets[facet] || [];
        if (!values.length) continue;
        const wrap = el('label', 'search-filter');
        wrap.appendChild(el('span', null, label));
        const select = el('select');
        select.name = facet;
        select.appendChild(el('option', null, TEXT.any)).value = '';
        for (const [value, text, count] of values) {
          const o = select.appendChild(el('option', null, `${text} (${count})`));
          o.value = value;
        }
        select.value = params.get(facet) || '';
        select.addEventListener('change', () => run(true));
        wrap.appendChild(select);
        filtersBox.appendChild(wrap);
        selects[facet] = select;
      }
    }

    function remember() {
      try {
        history.replaceState(null, '', searchPageURL(input.value.trim(), { ...filters(), scope: scope() }));
      } catch (_) {
        // Some browsers refuse history changes on file:// pages; the query still works.
      }
    }

    async function run(reset) {
      const query = input.value;
      const mine = ++sequence;
      if (reset) shown = 0;
      remember();
      if (!query.trim()) {
        list.replaceChildren();
        summary.textContent = '';
        more.hidden = true;
        return;
      }
      try {
        const r = await getEngine().search(query, { filters: filters(), limit: PAGE_SIZE, offset: shown, scope: scope() });
        if (mine !== sequence) return;
        if (reset) list.replaceChildren();
        for (const hit of r.results) {
          const li = el('li', 'search-result');
          const a = li.appendChild(el('a', 'search-hit'));
          a.href = root + hit.url;
          a.appendChild(resultBody(hit));
          if (hit.sections && hit.sections.length) {
            // Links in a block, not a nested list: a result stays one list item.
            const subs = li.appendChild(el('div', 'search-subs'));
            for (const s of hit.sections) subs.appendChild(subLink(hit, s));
          }
          if (hit.tags.length) li.appendChild(el('span', 'search-hit-tags', hit.tags.join(' · ')));
          list.appendChild(li);
        }
        shown += r.results.length;
        summary.textContent = (r.corrected ? TEXT.corrected(r.corrected) + '. ' : '') +
          (r.scope === 'authors' && r.results.length ? TEXT.authors + ' ' : '') +
          (r.results.length || shown ? TEXT.found(r.total) + (r.partial ? '. ' + TEXT.partial : '') : TEXT.nothing);
        more.hidden = shown >= r.total || r.results.length === 0;
      } catch (error) {
        summary.textContent = TEXT.failed(error.message);
      }
    }

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      run(true);
    });
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => run(true), DEBOUNCE_MS);
    });
    more.addEventListener('click', () => run(false));
    buildFilters().catch((error) => { summary.textContent = TEXT.failed(error.message); }).then(() => run(true));
  }

  document.querySelectorAll('[data-search-box]').forEach(setupCombobox);
  document.querySelectorAll('[data-search-page]').forEach(setupSearchPage);
})();
