/* The colour scheme, set before the page is first drawn (this script is the first thing in
   <body>): the scheme a visitor chose on an earlier page (saved by hub.js), or else the
   device's light or dark setting. */
(function () {
  "use strict";
  var saved = window.__md_get ? window.__md_get("__palette") : null;
  var body = document.body;
  if (saved && saved.color) {
    ["scheme", "primary", "accent"].forEach(function (key) {
      if (typeof saved.color[key] === "string") {
        body.setAttribute("data-md-color-" + key, saved.color[key]);
      }
    });
  } else if (window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches) {
    body.setAttribute("data-md-color-scheme", "slate");
  }
})();
