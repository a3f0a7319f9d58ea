/* Material's page-state helpers, which Material's own base template writes as an inline
   script. The hub's Content Security Policy allows no inline script, so they live here,
   loaded in the <head> before Material's bundle and the hub's scripts use them.
   Choices (such as the colour scheme) are kept in localStorage under the site's own path,
   so two sites on one host never share them. */
(function () {
  "use strict";
  // This file is javascripts/hub-early.js, so the site's root is one folder up.
  var scope = new URL("..", document.currentScript.src);

  window.__md_scope = scope;
  window.__md_hash = function (text) {
    return Array.prototype.reduce.call(text, function (hash, ch) {
      return ((hash << 5) - hash + ch.charCodeAt(0)) | 0;
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    try {
      return JSON.parse((storage || localStorage).getItem((base || scope).pathname + "." + key));
    } catch (e) {
      return null; // storage turned off, or a value that is not JSON: as if nothing were saved
    }
  };
  window.__md_set = function (key, value, storage, base) {
    try {
      (storage || localStorage).setItem((base || scope).pathname + "." + key, JSON.stringify(value));
    } catch (e) { /* storage turned off or full: the choice lasts for this page only */ }
  };
})();
