// Token by Token: small mends to the theme (mkdocs-material) for keyboard, touch and screen-reader
// readers, run on every page (instant navigation included). Loaded after runtime.js.
(function () {
  "use strict";
  if (!window.__tbt || window.__tbt.theme) return;  // instant navigation keeps this script alive

  // Glossary terms (<abbr> from the glossary) are marked at their first use in each section only:
  // a dotted underline on every "token" of a page is noise, and every mark is a tab stop. Never
  // in a heading, a link, a footnote, a title in italics, a glossary headword or a widget. The
  // marks kept can be reached by keyboard and tapped on a phone: focus shows the same tooltip as
  // hover.
  function glossaryTerms() {
    const content = document.querySelector(".md-content .md-typeset");
    if (!content) return;
    let seen = new Set();
    for (const node of content.querySelectorAll("h2, abbr[title]")) {
      if (node.tagName === "H2") {
        seen = new Set();
      } else if (seen.has(node.title) || node.closest("h1, h2, h3, h4, h5, h6, a, em, dt, .footnote, .tbt-widget")) {
        node.replaceWith(document.createTextNode(node.textContent));
      } else {
        seen.add(node.title);
        node.setAttribute("tabindex", "0");
      }
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
    glossaryTerms();
    scrollables();
    searchLabel();
  });
})();
