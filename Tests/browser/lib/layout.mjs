// Layout checks that only a browser can make, shared by the tests of the reader's pages.

/**
 * Up to five elements of the page (as `tag.class`) whose box reaches past the right edge of the
 * viewport, leaving out those inside `except` (a selector for what may scroll or hide on purpose).
 */
export function overflowing(page, except) {
  return page.evaluate((except) => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > limit + 1; })
      .filter((e) => !e.closest(except))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`).slice(0, 5);
  }, except);
}
