/* Suggestions in the page: every search box becomes an accessible combobox as people type.
 *
 * The boxes are the header's on every page and the search page's own (any input named q
 * in a search landmark). Each is turned into GOV.UK's accessible-autocomplete (copied from
 * the pinned npm package into assets/search/ by the build), fed by hub-suggest.js. Without
 * JavaScript, or until this has run, the box is the plain input it was and the form submits
 * to the search page. Choosing a page title goes to the page; choosing a phrase searches
 * for it; Enter with nothing chosen searches for what was typed.
 *
 * The library is loaded once the page is idle (on the search page, once the first results
 * show: they come first), or at once when someone focuses a box. Suggestion text is always
 * escaped: the library inserts the template's string as HTML.
 *
 * assets/search/hub-suggest.js is hub-terms.js, hub-files.js, hub-suggest.js and this file.
 */
(function () {
  "use strict";

  var ASSETS = new URL(".", document.currentScript.src);
  var INDEX = new URL("index/", ASSETS);
  var ROOT = new URL("../../", ASSETS);
  var BOXES = "search[role=search] input[name=q], form[role=search] input[name=q]";
  var MIN_LETTERS = 2;
  // The library's own test, for the one thing it does differently on iPhones and iPads.
  var IOS = /(iPod|iPhone|iPad)/.test(navigator.userAgent) && /AppleWebKit/.test(navigator.userAgent);

  function loadScript(href) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = href;
      el.async = true;
      el.onload = resolve;
      el.onerror = function () { el.remove(); reject(new Error("could not load " + href)); };
      document.head.appendChild(el);
    });
  }

  function loadStyle(href) {
    return new Promise(function (resolve) {
      var el = document.createElement("link");
      el.rel = "stylesheet";
      el.href = href;
      el.onload = el.onerror = resolve; // unstyled is still usable
      document.head.appendChild(el);
    });
  }

  var suggester = window.hubParts.suggest(window.hubTerms, window.hubParts.files(function (path) {
    return loadScript(new URL(path, INDEX).href);
  }));
  var api = { add: suggester.add, suggest: suggester.suggest, ready: null, drawn: null };
  window.hubSuggest = api;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  function submit(form) {
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  /* One box as a combobox: the library draws its own input (same id, name and classes) in
     place of the page's, so the label and the form stay as they were. */
  function enhance(input) {
    var form = input.form, focused = document.activeElement === input;
    // Drawn apart from the page, then put in the input's place in one step, so the page never
    // holds both boxes at once (nothing moves, and nothing reading the page sees two).
    var holder = document.createElement("div");
    holder.className = "hub-suggest";
    var shown = [], latest = 0, quiet = false, field = null;
    window.accessibleAutocomplete({
      // No defaultValue: the library would offer it as a suggestion on focus. The text is
      // handed over below, quietly.
      element: holder, id: input.id, name: input.name, defaultValue: "",
      inputClasses: input.className, placeholder: input.getAttribute("placeholder") || "",
      minLength: MIN_LETTERS, autoselect: false, confirmOnBlur: false, showNoOptionsFound: false,
      displayMenu: "overlay", menuClasses: "hub-suggest__menu",
      source: function (q, populate) {
        var n = ++latest;
        if (quiet) return populate([]);
        suggester.suggest(q).then(function (options) {
          if (n !== latest) return; // a later key press has asked since
          shown = options;
          populate(options);
          // When the list for this text is drawn (the next frame), for the benchmark.
          requestAnimationFrame(function () { api.drawn = { q: q, at: performance.now(), count: options.length }; });
        }, function () { if (n === latest) populate([]); });
      },
      templates: { inputValue: function (o) { return typeof o === "string" ? o : o ? o.text : ""; },
        suggestion: optionHtml },
      onConfirm: function (o) {
        if (!o) return;
        if (o.url) { location.assign(new URL(o.url, ROOT).href); return; }
        field.value = o.text;
        submit(form);
      },
      tStatusQueryTooShort: function (n) { return "Type " + n + " or more letters for suggestions"; },
      tStatusNoResults: function () { return "No suggestions"; },
      tAssistiveHint: function () {
        return "When suggestions are available, use up and down arrows to review and enter to select. " +
          "Touch device users, explore by touch or with swipe gestures.";
      }
    });
    input.replaceWith(holder);
    field = holder.querySelector("input");
    field.setAttribute("spellcheck", input.getAttribute("spellcheck") || "false");
    // The library keeps Enter for choosing while suggestions show; with none chosen, search.
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target === field && event.defaultPrevented) submit(form);
    });
    // A space typed in the box is just a space: after Escape the library (3.0.1) takes it for
    // choosing a suggestion that is not there, and empties the box.
    form.addEventListener("keydown", function (event) {
      if (event.key === " " && event.target === field) event.stopPropagation();
    }, true);
    // The search page sets the box itself (a search from the address, back and forward):
    // the library is told, quietly, so it does not draw the old text back or open suggestions.
    field.addEventListener("hub-value", function () {
      quiet = true;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      quiet = false;
    });
    if (input.value) {
      field.value = input.value;
      field.dispatchEvent(new CustomEvent("hub-value"));
    }
    if (focused) {
      // Someone is typing: carry on where they were. The library selects the box's text when
      // it gains focus (once it has drawn the change, in a microtask); the caret goes back
      // to the end after that, before the next key press.
      field.focus();
      Promise.resolve().then(function () { field.setSelectionRange(field.value.length, field.value.length); });
    }

    /* An option as HTML (the library inserts it so): the text escaped; a page says so. On
       iPhones the library adds each option's position with an inline style, which the
       Content Security Policy refuses; the position is given here with a class instead,
       and a comment left open after it keeps the library's copy out of the page. */
    function optionHtml(o) {
      if (!o) return "";
      if (typeof o === "string") o = { text: o, url: "" };
      var html = '<span class="hub-suggest__text">' + escapeHtml(o.text) + "</span>";
      if (o.url) html += ' <span class="hub-suggest__kind">Page</span>';
      if (IOS) {
        var at = shown.indexOf(o);
        html += '<span class="hub-suggest__position"> ' + (at + 1) + " of " + shown.length + "</span><!--";
      }
      return html;
    }
  }

  var started = null;
  function start() {
    if (!started) {
      started = Promise.all([loadStyle(new URL("hub-suggest.css", ASSETS).href),
        loadScript(new URL("accessible-autocomplete.min.js", ASSETS).href)]).then(function () {
        Array.prototype.forEach.call(document.querySelectorAll(BOXES), enhance);
      });
      api.ready = started;
    }
    return started;
  }

  function init() {
    // Someone who reaches a box before the page is idle gets suggestions at once.
    document.addEventListener("focusin", function (event) {
      if (event.target.matches && event.target.matches(BOXES)) start();
    });
    if (document.getElementById("search-results")) {
      // The search page: its results come first, then the suggestions (hub-page.js says when).
      if (window.hubSearch && window.hubSearch.shown) start();
      else document.addEventListener("hub-search-shown", start);
      return;
    }
    var idle = window.requestIdleCallback || function (fn) { return setTimeout(fn, 300); };
    idle(start, { timeout: 2000 });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
