// Loads a widget's script and stylesheet only on pages that hold that widget.
// Material's instant navigation swaps pages without a reload, so this runs on every
// page change (document$), not only on the first load.
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

  function mountAll() {
    document.querySelectorAll("[data-mdx-widget]:not([data-mdx-mounted])").forEach(function (root) {
      root.setAttribute("data-mdx-mounted", "");
      load(root.getAttribute("data-mdx-widget")).then(function (widget) {
        widget.mount(root);
      });
    });
  }

  if (window.document$) {
    window.document$.subscribe(mountAll);
  } else {
    document.addEventListener("DOMContentLoaded", mountAll);
  }
})();
