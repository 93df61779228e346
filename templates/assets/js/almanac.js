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
    for (const select of selects) select.addEventListener('change', apply);
    const form = listing.querySelector('form');
    if (form) form.addEventListener('reset', () => setTimeout(apply, 0));
    apply();
  }
})();
