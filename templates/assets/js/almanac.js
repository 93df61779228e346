// Small progressive enhancements of the default theme. Loaded as a classic script so it
// also runs from file://; under the theme's CSP nothing here uses eval or inline handlers.
(function () {
  'use strict';
  // On narrow screens the section menu starts closed; the markup keeps it open for no-JS readers.
  const sidebar = document.querySelector('details.sidebar');
  if (sidebar && window.matchMedia('(max-width: 60rem)').matches) sidebar.open = false;
})();
