// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  // Mark regions busy while htmx swaps them, for assistive technology.
  document.addEventListener("htmx:beforeRequest", function (event) {
    event.target.setAttribute("aria-busy", "true");
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    event.target.removeAttribute("aria-busy");
  });
})();
