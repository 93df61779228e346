// Progressive enhancements of the default theme: the reply-template tool (fill placeholders,
// copy) and listing filters. A classic script, so it runs from file:// too; nothing here uses
// eval, inline handlers or innerHTML, so it works under the theme's strict CSP.
(function () {
  'use strict';

  // On narrow screens the section menu starts closed; the markup keeps it open for no-JS readers.
  const sidebar = document.querySelector('details.sidebar');
  if (sidebar && window.matchMedia('(max-width: 60rem)').matches) sidebar.open = false;

  // --- Reply templates -------------------------------------------------------------------
  const tool = document.querySelector('[data-reply-tool]');
  if (tool) {
    const inputs = tool.querySelectorAll('input[data-placeholder]');
    const fill = () => {
      const values = new Map();
      for (const input of inputs) values.set(input.dataset.placeholder, input.value.trim());
      for (const span of tool.querySelectorAll('.ph[data-placeholder]')) {
        const name = span.dataset.placeholder;
        const value = values.get(name);
        span.textContent = value ? value : '{' + name + '}';
        span.classList.toggle('filled', Boolean(value));
      }
    };
    for (const input of inputs) input.addEventListener('input', fill);
    fill();

    const status = tool.querySelector('.copy-status');
    const say = (text) => { if (status) status.textContent = text; };
    for (const button of tool.querySelectorAll('button[data-copy]')) {
      button.addEventListener('click', async () => {
        const source = document.getElementById(button.dataset.copy);
        if (!source) return;
        const text = source.textContent;
        const ok = await copyText(text);
        say(ok ? status.dataset.copied : status.dataset.failed);
        if (ok) {
          button.classList.add('copied');
          setTimeout(() => button.classList.remove('copied'), 1500);
        }
      });
    }
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
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (_) { ok = false; }
    area.remove();
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

  // A link to a heading inside a folded section text (`#kak-rabotat…`) opens the fold first.
  const unfold = () => {
    const target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const fold = target && target.closest('details:not([open])');
    if (fold) { fold.open = true; target.scrollIntoView(); }
  };
  window.addEventListener('hashchange', unfold);
  unfold();
})();
