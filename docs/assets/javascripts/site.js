//# allFunctionsCalledOnLoad
// The site's own script: small fixes to the theme for keyboard users, and a loader
// that brings a widget's script and stylesheet only to pages that hold that widget.
// Material's instant navigation swaps pages without a reload, so all of it runs on
// every page change (document$), not only on the first load.
(function () {
  "use strict";
  var base = new URL("widgets/", document.currentScript.src);
  var loaded = {};

  function load(name) {
    // Instant navigation drops <head> elements the next page lacks, so the
    // stylesheet is checked for on every mount, not only on the first.
    var href = new URL(name + ".css", base).href;
    if (!document.head.querySelector('link[href="' + href + '"]')) {
      var sheet = document.createElement("link");
      sheet.rel = "stylesheet";
      sheet.href = href;
      document.head.appendChild(sheet);
    }
    if (!loaded[name]) loaded[name] = import(new URL(name + ".js", base).href);
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
  // cannot reach and which are no buttons to a screen reader. Put a real button in
  // front of each; the label stays for readers without JavaScript.
  var BUTTONS = { __drawer: "Open navigation", __search: "Open search" };
  function headerButtons() {
    Object.keys(BUTTONS).forEach(function (id) {
      var label = document.querySelector('.md-header label[for="' + id + '"]');
      if (!label || label.classList.contains("mdx-replaced")) return;
      // Search needs the theme's script; a page without it (the one-page
      // version) keeps the theme's no-JavaScript header, which has no search.
      if (id === "__search" && document.documentElement.classList.contains("no-js")) return;
      var toggle = document.getElementById(id);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-header__button md-icon mdx-header-button mdx-header-button--" + id.slice(2);
      button.setAttribute("aria-label", BUTTONS[id]);
      button.setAttribute("aria-expanded", String(toggle.checked));
      button.innerHTML = label.innerHTML;
      button.addEventListener("click", function () {
        label.click();
        var first = id === "__drawer" && toggle.checked && document.querySelector(".md-sidebar--primary a");
        if (first) setTimeout(function () { first.focus(); }, 50);
      });
      toggle.addEventListener("change", function () {
        button.setAttribute("aria-expanded", String(toggle.checked));
      });
      label.classList.add("mdx-replaced");
      label.after(button);
    });
  }

  // Escape closes an open drawer and hands focus back to its button.
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.click();
    var button = document.querySelector(".mdx-header-button--drawer");
    if (button) button.focus();
  });

  // A table or formula wider than the screen scrolls sideways; the keyboard must be
  // able to reach it to scroll it (WCAG 2.1.1). A ResizeObserver checks each one
  // whenever its size or its content's size changes (late layout, a resized window),
  // after layout, so the check costs no extra layout pass. The build writes each
  // table inside the theme's scroll container (theme_fixes.py); a table it did not
  // wrap is its own scrolling box until the theme wraps it, and so is a row of
  // content tabs on a phone without the theme's script (the one-page version).
  var REGIONS = ".md-typeset__scrollwrap, .mdx-math, .md-typeset table:not([class]), .no-js .tabbed-labels";
  function regionName(region) {
    if (region.classList.contains("mdx-math")) return "Formula, scrolls sideways";
    if (region.classList.contains("tabbed-labels")) return "Tabs, scroll sideways";
    return "Table, scrolls sideways";
  }
  function checkRegion(region) {
    if (region.matches(".md-typeset__table table")) return;
    markRegion(region, region.scrollWidth > region.clientWidth + 1);
  }
  function markRegion(region, scrolls) {
    if (scrolls && !region.hasAttribute("tabindex")) {
      region.tabIndex = 0;
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", regionName(region));
    } else if (!scrolls && region.getAttribute("role") === "region") {
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
      region.removeAttribute("aria-label");
    }
  }
  var sizes = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      checkRegion(entry.target.matches(REGIONS) ? entry.target : entry.target.parentElement);
    });
  });
  // The one-page version's sections are laid out only near the screen
  // (content-visibility, extra.css): the observer says nothing of a region in one
  // until it is shown, yet the keyboard can reach into it. So each starts with a tab
  // stop, as if it scrolled, and the observer corrects those it sees. (Asking the
  // browser which sections it skips, checkVisibility, broke the contents' links.)
  function scrollableRegions() {
    sizes.disconnect();
    document.querySelectorAll(REGIONS).forEach(function (region) {
      if (region.closest(".mdx-whole-guide__page")) markRegion(region, true);
      sizes.observe(region);
      if (region.firstElementChild) sizes.observe(region.firstElementChild);
    });
  }

  function onPage() {
    headerButtons();
    mountWidgets();
    scrollableRegions();
  }

  if (window.document$) {
    window.document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
