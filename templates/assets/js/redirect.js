/* Old addresses (`aliases`) forward with <meta http-equiv="refresh">, which drops the #section a
 * shared link named. This keeps it: it runs before the refresh and goes to the same section of the
 * new page. Without JavaScript the refresh still lands on the page. */
(function () {
  'use strict';
  var link = document.querySelector('a[data-redirect]');
  if (link && location.hash) location.replace(link.href + location.hash);
})();
