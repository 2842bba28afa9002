//# allFunctionsCalledOnLoad
// The site's own script: small fixes to the theme for keyboard users, and a loader
// that brings a widget's script and stylesheet only to pages that hold that widget.
// Material's instant navigation swaps pages without a reload, so all of it runs on
// every page change (document$), not only on the first load.
(function () {
  "use strict";
  var base = new URL("widgets/", document.currentScript.src);
  var loaded = {};

  // A widget is one folder, widgets/NAME/: widget.js exports mount(root) and nothing
  // else, widget.css styles it, core.js (pure) and any data file sit beside them.
  // This loader owns the rest: each root is mounted once, the module imported once.

  // Instant navigation drops <head> elements the next page lacks, so the stylesheet
  // is checked for on every mount, not only on the first. Resolves once it has
  // loaded (or failed: it is then removed, to be tried again next time), so that a
  // widget mounts into its styled layout and can measure it.
  function stylesheet(name) {
    var href = new URL(name + "/widget.css", base).href;
    var sheet = document.head.querySelector('link[href="' + href + '"]');
    if (sheet && sheet.sheet) return Promise.resolve();
    if (!sheet) {
      sheet = document.createElement("link");
      sheet.rel = "stylesheet";
      sheet.href = href;
      document.head.appendChild(sheet);
    }
    return new Promise(function (done) {
      sheet.addEventListener("load", done, { once: true });
      sheet.addEventListener("error", function () {
        sheet.remove();
        done();
      }, { once: true });
    });
  }

  function load(name) {
    if (!loaded[name]) {
      loaded[name] = import(new URL(name + "/widget.js", base).href);
      loaded[name].catch(function () { delete loaded[name]; });
    }
    return Promise.all([loaded[name], stylesheet(name)]).then(function (parts) {
      return parts[0];
    });
  }

  function mountWidgets() {
    document.querySelectorAll("[data-mdx-widget]:not([data-mdx-mounted])").forEach(function (root) {
      root.setAttribute("data-mdx-mounted", "");
      load(root.getAttribute("data-mdx-widget")).then(function (widget) {
        if (root.isConnected) widget.mount(root);
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

  // A table, formula, code block or row of tabs wider than the screen scrolls
  // sideways; the keyboard must be able to reach it to scroll it (WCAG 2.1.1). The
  // build gives each a tab stop and a name (scroll_regions.py), which holds without
  // JavaScript, before the theme starts, and in the one-page version's sections that
  // are not laid out yet (the observer says nothing of those until they are shown).
  // Here a ResizeObserver takes the tab stop away from each box that does not
  // scroll, and gives it back when it comes to (late layout, a narrower window),
  // after layout, so the check costs no extra layout pass.
  var REGIONS = ".md-typeset__scrollwrap, .mdx-math, .md-typeset pre > code, .tabbed-labels";
  function regionName(region) {
    if (region.classList.contains("mdx-math")) return "Formula, scrolls sideways";
    if (region.classList.contains("tabbed-labels")) return "Tabs, scroll sideways";
    if (region.localName === "code") return "Code, scrolls sideways";
    return "Table, scrolls sideways";
  }
  // All three together: the theme sets and removes a code block's tab stop itself.
  function markRegion(region, scrolls) {
    if (scrolls) {
      region.tabIndex = 0;
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", regionName(region));
    } else {
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
      region.removeAttribute("aria-label");
    }
  }
  var sizes = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var region = entry.target.matches(REGIONS) ? entry.target : entry.target.parentElement;
      markRegion(region, region.scrollWidth > region.clientWidth + 1);
    });
  });
  function scrollableRegions() {
    sizes.disconnect();
    document.querySelectorAll(REGIONS).forEach(function (region) {
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
