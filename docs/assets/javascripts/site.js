// The site's own script: small fixes to the theme for keyboard users, and a loader
// that brings a widget's script and stylesheet only to pages that hold that widget.
// Material's instant navigation swaps pages without a reload, so all of it runs on
// every page change (document$), not only on the first load.
(function () {
  "use strict";
  var base = new URL("widgets/", document.currentScript.src);
  var loaded = {};

  function load(name) {
    if (!loaded[name]) {
      var sheet = document.createElement("link");
      sheet.rel = "stylesheet";
      sheet.href = new URL(name + ".css", base).href;
      document.head.appendChild(sheet);
      loaded[name] = import(new URL(name + ".js", base).href);
    }
    return loaded[name];
  }

  function mountWidgets() {
    document.querySelectorAll("[data-mdx-widget]:not([data-mdx-mounted])").forEach(function (root) {
      root.setAttribute("data-mdx-mounted", "");
      load(root.getAttribute("data-mdx-widget")).then(function (widget) {
        widget.mount(root);
      });
    });
  }

  // The header opens the drawer and the search with <label>s, which the keyboard
  // cannot reach: make them buttons that Enter and Space press.
  var NAMES = { __drawer: "Open navigation", __search: "Open search" };
  function keyboardButtons() {
    Object.keys(NAMES).forEach(function (id) {
      var label = document.querySelector('.md-header label[for="' + id + '"]');
      if (!label || label.hasAttribute("tabindex")) return;
      label.tabIndex = 0;
      label.setAttribute("role", "button");
      label.setAttribute("aria-label", NAMES[id]);
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        label.click();
        var first = id === "__drawer" && document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[tabindex]");
        if (first) setTimeout(function () { first.focus(); }, 50);
      });
    });
  }

  // Escape closes an open drawer and hands focus back to its button.
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.click();
    var button = document.querySelector('.md-header label[for="__drawer"]');
    if (button) button.focus();
  });

  // A table or formula wider than the screen scrolls sideways; the keyboard must be
  // able to reach it to scroll it (WCAG 2.1.1).
  function scrollableRegions() {
    document.querySelectorAll(".md-typeset__scrollwrap, .mdx-math").forEach(function (region) {
      var scrolls = region.scrollWidth > region.clientWidth + 1;
      if (scrolls && !region.hasAttribute("tabindex")) {
        region.tabIndex = 0;
        region.setAttribute("role", "region");
        region.setAttribute("aria-label", region.classList.contains("mdx-math") ? "Formula, scrolls sideways" : "Table, scrolls sideways");
      } else if (!scrolls && region.getAttribute("role") === "region") {
        region.removeAttribute("tabindex");
        region.removeAttribute("role");
        region.removeAttribute("aria-label");
      }
    });
  }
  window.addEventListener("resize", scrollableRegions);

  function onPage() {
    keyboardButtons();
    mountWidgets();
    scrollableRegions();
  }

  if (window.document$) {
    window.document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
