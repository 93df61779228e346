// Progressive enhancements of the default theme: the reply-template tool (fill placeholders,
// copy) and listing filters. A classic script, so it runs from file:// too; nothing here uses
// eval, inline handlers or innerHTML, so it works under the theme's strict CSP.
(function () {
  'use strict';

  // --- Navigation drawer (phones) --------------------------------------------------------
  // The menu button is a link to #site-nav, so without JavaScript the drawer opens through
  // :target. With it, the link becomes a toggle: aria-expanded, Escape and a click outside close
  // it, and focus leaving the drawer closes it too — nothing is trapped.
  const drawer = document.querySelector('[data-drawer]');
  const menuButton = document.querySelector('[data-menu-button]');
  const phone = window.matchMedia('(max-width: 59.99rem)');
  if (drawer && menuButton) {
    // Opened through #site-nav before this script ran (a shared link, the back button): the
    // drawer is this script's now, so the :target rule must not hold it open.
    if (location.hash === '#site-nav') history.replaceState(null, '', location.pathname + location.search);
    menuButton.setAttribute('role', 'button');
    menuButton.setAttribute('aria-expanded', 'false');
    const isOpen = () => document.body.classList.contains('drawer-open');
    const open = () => {
      document.body.classList.add('drawer-open');
      menuButton.setAttribute('aria-expanded', 'true');
      const current = drawer.querySelector('[aria-current="page"]') || drawer.querySelector('a[href]');
      if (current) {
        current.focus({ preventScroll: true });
        current.scrollIntoView({ block: 'center' });
      }
    };
    const close = (refocus) => {
      if (!isOpen()) return;
      document.body.classList.remove('drawer-open');
      menuButton.setAttribute('aria-expanded', 'false');
      if (refocus) menuButton.focus();
    };
    menuButton.addEventListener('click', (event) => {
      event.preventDefault();
      if (isOpen()) close(true); else open();
    });
    const closer = drawer.querySelector('[data-menu-close]');
    if (closer) closer.addEventListener('click', (event) => { event.preventDefault(); close(true); });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && isOpen()) { event.preventDefault(); close(true); }
    });
    document.addEventListener('click', (event) => {
      if (isOpen() && !drawer.contains(event.target) && !menuButton.contains(event.target)) close(false);
    });
    drawer.addEventListener('focusout', (event) => {
      const to = event.relatedTarget;
      if (isOpen() && to && !drawer.contains(to) && to !== menuButton) close(false);
    });
    phone.addEventListener('change', () => close(false));
  }

  // On a wide screen the sidebar scrolls on its own: bring the current page's link into it,
  // so a reader deep in a long section still sees where they are.
  if (drawer && !phone.matches) {
    const current = drawer.querySelector('[aria-current="page"]');
    if (current) {
      const box = drawer.getBoundingClientRect(), at = current.getBoundingClientRect();
      if (at.bottom > box.bottom - 24 || at.top < box.top) drawer.scrollTop += at.top - box.top - box.height / 3;
    }
  }

  // Skip links to a control (the reply's copy button) move the focus there, not only the view.
  for (const link of document.querySelectorAll('a[data-skip-focus]')) {
    link.addEventListener('click', (event) => {
      const target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus();
    });
  }

  // --- Table of contents in the right rail: the section being read is marked ------------------
  const rail = document.querySelector('[data-toc-rail]');
  if (rail && 'IntersectionObserver' in window) {
    const links = new Map([...rail.querySelectorAll('a[href^="#"]')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
    const headings = [...links.keys()].map((id) => document.getElementById(id)).filter(Boolean);
    const visible = new Set();
    const mark = () => {
      const first = headings.find((h) => visible.has(h)) || null;
      for (const a of links.values()) a.classList.remove('is-current');
      if (first) links.get(first.id).classList.add('is-current');
    };
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) { if (e.isIntersecting) visible.add(e.target); else visible.delete(e.target); }
      mark();
    }, { rootMargin: '-64px 0px -55% 0px' });
    for (const h of headings) observer.observe(h);
  }

  // --- Reply templates -------------------------------------------------------------------
  // One text at a time (the main one or a channel's variant, as ARIA tabs), the fields that text
  // uses, and a copy button that refuses while any required one is empty: a reply that goes out
  // with «{срок_ответа}» in it is worse than no reply. An optional field (`{name?}` in the
  // source) is never refused: left empty, it drops out of the text (see compose below).
  const tool = document.querySelector('[data-reply-tool]');
  if (tool) setUpReplyTool(tool);

  function setUpReplyTool(tool) {
    const inputs = [...tool.querySelectorAll('input[data-placeholder]')];
    const panels = [...tool.querySelectorAll('[data-panel]')];
    const tablist = tool.querySelector('[data-tabs]');
    const tabs = tablist ? [...tablist.querySelectorAll('[role=tab]')] : [];
    const button = tool.querySelector('button[data-copy-active]');
    const label = button && button.querySelector('[data-copy-label]');
    const status = tool.querySelector('.copy-status');
    const counter = tool.querySelector('[data-char-count]');
    let active = panels[0];
    let resetLabel = 0;

    const say = (text, problem = false) => {
      if (!status) return;
      status.textContent = text;
      status.classList.toggle('is-problem', problem);
    };
    const valueOf = new Map();
    const uses = (panel) => (panel && panel.dataset.uses ? panel.dataset.uses.split(' ') : []);
    const optional = (panel) => (panel && panel.dataset.optional ? panel.dataset.optional.split(' ') : []);
    const textOf = (panel) => panel.querySelector('.reply-text').textContent;
    const showLabel = (copied) => {
      if (!button || !label) return;
      label.textContent = copied ? button.dataset.labelCopied : button.dataset.labelCopy;
      button.classList.toggle('copied', copied);
    };

    const count = () => {
      if (!counter || !active) return;
      const n = [...textOf(active)].length;
      const limit = Number(active.dataset.limit || 0);
      const template = !limit ? counter.dataset.template : n > limit ? counter.dataset.templateOver : counter.dataset.templateLimit;
      counter.textContent = template.replace('{n}', String(n)).replace('{limit}', String(limit)).replace('{over}', String(n - limit));
      counter.classList.toggle('over', limit > 0 && n > limit);
      counter.hidden = false;
    };

    // Each text as it came from the page: literal runs and placeholders (`{name?}` ones marked
    // data-optional). The shown text is rebuilt from these on every keystroke, so the preview
    // is exactly what the button copies.
    const sources = new Map();
    for (const panel of panels) {
      const box = panel.querySelector('.reply-text');
      if (!box) continue;
      sources.set(box, [...box.childNodes].map((node) => node.nodeType === 1 && node.dataset.placeholder
        ? { name: node.dataset.placeholder, optional: node.hasAttribute('data-optional') }
        : { text: node.textContent }));
    }

    const fill = () => {
      for (const input of inputs) valueOf.set(input.dataset.placeholder, input.value.trim());
      for (const [box, pieces] of sources) {
        const out = compose(pieces, (name) => valueOf.get(name) || '');
        box.replaceChildren(...out.map((piece) => {
          if (piece.text !== undefined) return document.createTextNode(piece.text);
          const span = document.createElement('span');
          span.className = piece.optional ? 'ph ph-optional' : 'ph';
          span.dataset.placeholder = piece.name;
          if (piece.optional) span.setAttribute('data-optional', '');
          span.textContent = piece.value ? piece.value : '{' + piece.name + '}';
          span.classList.toggle('filled', Boolean(piece.value));
          return span;
        }));
      }
      count();
    };

    // Only the fields the shown text uses; the rest keep their values for the other variants.
    const showFields = () => {
      const wanted = new Set(uses(active));
      const soft = new Set(optional(active));
      for (const input of inputs) {
        const field = input.closest('.reply-field');
        if (field) field.hidden = !wanted.has(input.dataset.placeholder);
        const mark = field && field.querySelector('[data-optional-mark]');
        if (mark) mark.hidden = !soft.has(input.dataset.placeholder);
        if (soft.has(input.dataset.placeholder)) input.removeAttribute('aria-invalid');
      }
    };

    const select = (panel, focus) => {
      active = panel;
      for (const p of panels) p.hidden = p !== panel;
      for (const tab of tabs) {
        const on = tab.getAttribute('aria-controls') === panel.id;
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
        if (on && focus) tab.focus();
      }
      showFields();
      showLabel(false);
      say('');
      count();
    };

    if (tablist && tabs.length > 1) {
      tablist.hidden = false;
      tool.classList.add('has-tabs');
      for (const p of panels) {
        p.setAttribute('role', 'tabpanel');
        p.setAttribute('aria-labelledby', 'tab-' + p.dataset.panel);
        p.tabIndex = 0;
      }
      tablist.addEventListener('click', (event) => {
        const tab = event.target.closest('[role=tab]');
        const panel = tab && document.getElementById(tab.getAttribute('aria-controls'));
        if (panel) select(panel, false);
      });
      tablist.addEventListener('keydown', (event) => {
        const i = tabs.indexOf(document.activeElement);
        if (i < 0) return;
        const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        const tab = tabs[(next + tabs.length) % tabs.length];
        select(document.getElementById(tab.getAttribute('aria-controls')), true);
      });
    }

    for (const input of inputs) {
      input.addEventListener('input', () => {
        if (input.value.trim()) input.removeAttribute('aria-invalid');
        showLabel(false);
        fill();
      });
    }
    // A click on a placeholder in the text goes to its field.
    tool.addEventListener('click', (event) => {
      const span = event.target.closest && event.target.closest('.ph[data-placeholder]');
      if (!span) return;
      const input = inputs.find((i) => i.dataset.placeholder === span.dataset.placeholder);
      if (input) input.focus();
    });

    if (button && active) {
      button.addEventListener('click', async () => {
        clearTimeout(resetLabel);
        const required = uses(active).filter((name) => !optional(active).includes(name));
        const empty = inputs.filter((i) => required.includes(i.dataset.placeholder) && !i.value.trim());
        for (const input of inputs) {
          if (empty.includes(input)) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
        }
        if (empty.length) {
          showLabel(false);
          say(status.dataset.missing.replace('{fields}', empty.map((i) => i.dataset.name).join(', ')), true);
          empty[0].focus();
          return;
        }
        const ok = await copyText(textOf(active));
        say(ok ? status.dataset.copied : status.dataset.failed, !ok);
        showLabel(ok);
        if (ok) resetLabel = setTimeout(() => showLabel(false), 6000);
      });
    }
    if (active) select(active, false);
    fill();
  }

  // A text with its placeholders filled in. An optional placeholder (`{name?}`) left empty
  // leaves no trace: alone in its paragraph or line (give or take punctuation), the paragraph or
  // line goes with its line break; inside a sentence, the word goes with the space before it
  // (or after it, at the start of a line), so no double space and no space before punctuation.
  // Placeholders that stay are returned as pieces, so the page can still show them as fields.
  function compose(pieces, valueOf) {
    const GONE = '\uE002';
    const kept = [];
    let text = '';
    for (const piece of pieces) {
      if (piece.text !== undefined) { text += piece.text.replace(/[\uE000-\uE002]/g, ''); continue; }
      const value = valueOf(piece.name);
      if (piece.optional && !value) { text += GONE; continue; }
      text += '\uE000' + kept.length + '\uE001';
      kept.push({ name: piece.name, optional: piece.optional, value });
    }
    if (text.includes(GONE)) {
      const hollow = (part) => part.includes(GONE) && !/[\p{L}\p{N}\uE000]/u.test(part.split(GONE).join(''));
      // Paragraphs (and their blank lines), then lines, that held nothing but an empty optional field.
      const paragraphs = text.split(/(\n[ \t]*\n\s*)/);
      for (let i = 0; i < paragraphs.length; i += 2) {
        if (!hollow(paragraphs[i])) continue;
        paragraphs[i] = '';
        if (i > 0) paragraphs[i - 1] = ''; else if (i + 1 < paragraphs.length) paragraphs[i + 1] = '';
      }
      text = paragraphs.join('');
      const lines = text.split('\n');
      text = lines.filter((line) => !hollow(line)).join('\n');
      // Inside a sentence. A field that was a sentence of its own (`… заказы. {x?}.`) takes its
      // full stop along.
      const inline = /[ \t]*\uE002/;
      for (let m = inline.exec(text); m; m = inline.exec(text)) {
        const start = m.index;
        let end = start + m[0].length;
        const lineStart = start === 0 || text[start - 1] === '\n';
        if (/[.!?…]/.test(text[end] || '') && (lineStart || /[.!?…]/.test(text[start - 1]))) end++;
        const spaced = m[0].length > 1 || /[ \t]/.test(text[end] || '');
        while (/[ \t]/.test(text[end] || '')) end++;
        const after = text[end];
        const joint = lineStart || after === undefined || after === '\n' || /[.,;:!?…)\]»"'’”]/.test(after) || !spaced ? '' : ' ';
        text = text.slice(0, start) + joint + text.slice(end);
      }
    }
    const out = [];
    for (const [i, part] of text.split(/\uE000(\d+)\uE001/).entries()) {
      if (i % 2) out.push(kept[Number(part)]); else if (part) out.push({ text: part });
    }
    return out;
  }

  // The async Clipboard API needs a secure context and permission; a page opened from disk or
  // an older browser may refuse, so fall back to selecting a hidden textarea and execCommand.
  async function copyText(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch (_) { /* fall through to the selection-based copy */ }
    const focused = document.activeElement;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'copy-buffer';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (_) { ok = false; }
    area.remove();
    if (focused && focused.focus) focused.focus();
    return ok;
  }

  // The playbook's print button: hidden in the markup, so readers without JavaScript never see a dead one.
  for (const button of document.querySelectorAll('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }

  // --- Listing filters ---------------------------------------------------------------------
  for (const listing of document.querySelectorAll('[data-listing]')) {
    const selects = listing.querySelectorAll('select[data-filter]');
    const items = listing.querySelectorAll('.listing-items > li');
    const count = listing.querySelector('.listing-count');
    const empty = listing.querySelector('.listing-empty');
    const apply = () => {
      let shown = 0;
      for (const item of items) {
        let visible = true;
        for (const select of selects) {
          if (!select.value) continue;
          const values = (item.dataset['f' + select.dataset.filter] || '').split('|');
          if (!values.includes(select.value)) { visible = false; break; }
        }
        item.hidden = !visible;
        if (visible) shown++;
      }
      if (count) count.textContent = count.dataset.template.replace('{n}', String(shown));
      if (empty) empty.hidden = shown !== 0;
    };
    // `?situation=…` (the home page's tiles link so) preselects a filter by its field name; a change
    // is written back to the address, so the filtered list can be bookmarked or sent to a colleague.
    const params = new URLSearchParams(location.search);
    for (const select of selects) {
      const wanted = params.get(select.dataset.filterName);
      if (wanted != null && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
    }
    const remember = () => {
      const next = new URLSearchParams(location.search);
      for (const select of selects) {
        if (select.value) next.set(select.dataset.filterName, select.value);
        else next.delete(select.dataset.filterName);
      }
      const query = next.toString();
      // A page opened from disk may refuse to rewrite its address: the filter works all the same.
      try { history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash); } catch (_) { /* keep the address */ }
    };
    for (const select of selects) select.addEventListener('change', () => { apply(); remember(); });
    const form = listing.querySelector('form');
    if (form) form.addEventListener('reset', () => setTimeout(() => { apply(); remember(); }, 0));
    apply();
  }

  // «Describe it in your own words» on the home page: with the header's search box on the same
  // page, typing there beats loading the search page; without JavaScript the link still leads to it.
  for (const link of document.querySelectorAll('[data-focus-search]')) {
    link.addEventListener('click', (event) => {
      const input = document.getElementById('search-input');
      if (!input || input.getBoundingClientRect().width === 0) return;
      event.preventDefault();
      input.scrollIntoView({ block: 'nearest' });
      input.focus();
    });
  }

  // A link to a heading inside a folded section text (`#kak-rabotat…`) opens the fold first.
  const unfold = () => {
    const target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const fold = target && target.closest('details:not([open])');
    if (fold) { fold.open = true; target.scrollIntoView(); }
  };
  window.addEventListener('hashchange', unfold);
  unfold();
})();
