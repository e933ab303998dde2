// Token by Token: small mends to the theme (mkdocs-material) for keyboard, touch and screen-reader
// readers, run on every page (instant navigation included). Loaded after runtime.js.
(function () {
  "use strict";
  if (!window.__tbt || window.__tbt.theme) return;  // instant navigation keeps this script alive

  // Glossary terms (<abbr> from the glossary) can be reached by keyboard and tapped on a phone:
  // focus shows the same tooltip as hover.
  function glossaryFocus() {
    for (const abbr of document.querySelectorAll(".md-content abbr[title]:not([tabindex])")) {
      abbr.setAttribute("tabindex", "0");
    }
  }

  // A wide table or code block scrolls sideways inside its own box on a phone; keyboard users must
  // be able to reach that box to scroll it (axe: scrollable-region-focusable), so a box that
  // scrolls gets a tab stop and a name, and loses them again when it no longer scrolls (e.g.
  // after rotating).
  function scrollables() {
    const boxes = ".md-typeset__scrollwrap, .md-typeset table:not([class]), .md-typeset pre > code";
    for (const box of document.querySelectorAll(boxes)) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", `${box.tagName === "CODE" ? "Example" : "Table"} (scrolls sideways)`);
        box.dataset.tbtScroll = "1";
      } else if (!scrolls && box.dataset.tbtScroll) {
        for (const a of ["tabindex", "role", "aria-label", "data-tbt-scroll"]) box.removeAttribute(a);
      }
    }
  }
  let resizeTimer = 0;
  addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(scrollables, 200);
  });

  // The theme's search dialog has no accessible name.
  function searchLabel() {
    const search = document.querySelector(".md-search[role='dialog']:not([aria-label])");
    if (search) search.setAttribute("aria-label", "Search the book");
  }

  window.__tbt.theme = true;
  window.__tbt.onEachPage(() => {
    glossaryFocus();
    scrollables();
    searchLabel();
  });
})();
