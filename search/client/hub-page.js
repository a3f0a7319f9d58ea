/* The search page: the one part of the client that touches the document.
 *
 * It loads the index's files with <script> elements (so an offline copy opened from
 * disk, file://, searches too), runs each query through the other parts (hub-index.js,
 * hub-query.js, hub-rank.js, with hub-terms.js's words and terms) and draws the results
 * with DOM methods: no text from the index is ever inserted as HTML. The markup it fills
 * in is theme/shared/search-ui.html.
 *
 * assets/search/hub-search.js is hub-terms.js, hub-files.js, hub-index.js, hub-query.js,
 * hub-rank.js and this file, one after the other (search/indexer.py CLIENT_PARTS).
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10; // results shown at once; "Show more results" adds more
  var SECTIONS_SHOWN = 3; // best-matching sections listed under each result

  var ASSETS = new URL(".", document.currentScript.src);
  var INDEX = new URL("index/", ASSETS);
  var ROOT = new URL("../../", ASSETS);
  var parts = window.hubParts;

  /* One file of the index, by a <script> element; it calls hubSearch.add as it runs. */
  function fetchFile(path) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = new URL(path, INDEX).href;
      el.async = true;
      el.onload = resolve;
      el.onerror = function () {
        el.remove();
        reject(new Error("could not load " + path));
      };
      document.head.appendChild(el);
    });
  }

  var ix = parts.index(window.lunr, parts.files(fetchFile));
  var T = null, query = null, ranker = parts.rank(ix, window.lunr);
  var api = {
    add: ix.add,
    loaded: ix.loaded, // for tests: a file's data once it has arrived
    ready: null, // a promise for the latest search, for tests and the benchmark
    search: null,
    // How many of the best pages' best sections lunr.js's Index.query scores and orders:
    // the first five pages of results. Tests set it to Infinity to have lunr.js score them all.
    lunrWindow: 50
  };
  window.hubSearch = api;

  function search(q) {
    return query.understand(q).then(function (understood) {
      if (!understood) return { results: [], highlight: {}, suggestion: null, concepts: [] };
      var results = ranker.rank(understood, { lunrWindow: api.lunrWindow, prefixBoost: query.BOOST.prefix,
        timings: api.timings });
      return { results: results, highlight: understood.highlight, suggestion: understood.suggestion,
        concepts: understood.concepts };
    });
  }

  // --- showing results ----------------------------------------------------------------

  var ui = {};

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function selected(name) {
    return Array.prototype.filter.call(ui.form.querySelectorAll("input[name=" + name + "]"), function (c) {
      return c.checked;
    }).map(function (c) { return c.value; });
  }

  function filtered(results) {
    var types = selected("type"), audiences = selected("audience");
    if (!types.length && !audiences.length) return results;
    var names = ix.manifest.audiences.map(function (x) { return x[0]; }), bits = 0;
    audiences.forEach(function (a) { bits |= 1 << names.indexOf(a); });
    return results.filter(function (r) {
      var meta = ix.pageMeta(r.page);
      if (types.length && types.indexOf(meta.type) < 0) return false;
      if (audiences.length && !(meta.audience & bits)) return false;
      return true;
    });
  }

  /* The terms a word of the text stands for (joined form first), worked out once per
     distinct word: snippets meet the same words in result after result. */
  var wordTerms = new Map();
  function termsOfWord(word) {
    var out = wordTerms.get(word);
    if (out === undefined) {
      var c = window.hubTerms.compounds(word)[0];
      out = [];
      if (c) {
        if (c.joined) out.push(T.termOf(c.joined));
        c.parts.forEach(function (p) { out.push(T.termOf(p)); });
      }
      out = out.filter(Boolean);
      wordTerms.set(word, out);
    }
    return out;
  }

  function isMatch(word, highlight) {
    var ts = termsOfWord(word);
    for (var i = 0; i < ts.length; i++) if (highlight[ts[i]]) return true;
    return false;
  }

  /* Text as a paragraph with the query's words in <mark>: text nodes only, never HTML.
     With `around`, a short piece of it around the first marked word. */
  function marked(cls, text, highlight, around) {
    var finder = new RegExp(window.hubTerms.COMPOUND.source, "gu"), m, first = -1;
    if (around) { // the first marked word, then the piece of text around it
      while ((m = finder.exec(text)) && first < 0) if (isMatch(m[0], highlight)) first = m.index;
    }
    var from = 0, to = text.length;
    if (around) {
      if (first > 80) from = text.indexOf(" ", first - 60) + 1;
      to = Math.min(text.length, from + 240);
      if (to < text.length) to = text.lastIndexOf(" ", to) > from ? text.lastIndexOf(" ", to) : to;
    }
    var out = el("p", { class: cls }), at = from, piece = text.slice(from, to);
    if (from > 0) out.appendChild(document.createTextNode("… "));
    finder.lastIndex = 0;
    while ((m = finder.exec(piece))) {
      if (!isMatch(m[0], highlight)) continue;
      out.appendChild(document.createTextNode(text.slice(at, from + m.index)));
      out.appendChild(el("mark", {}, [m[0]]));
      at = from + m.index + m[0].length;
    }
    out.appendChild(document.createTextNode(text.slice(at, to) + (to < text.length ? " …" : "")));
    return out;
  }

  function resultItem(r, highlight) {
    var d = ix.pageDoc(r.page); // [url, title, summary, [[anchor, heading, text], ...]]
    var url = new URL(d[0], ROOT).href, first = ix.firstSection[r.page];
    var item = el("li", { class: "hub-result" }, [
      el("h2", { class: "hub-result__title" }, [el("a", { href: url }, [d[1]])]),
      el("p", { class: "hub-result__type" }, [ix.pageMeta(r.page).label])
    ]);
    if (d[2]) item.appendChild(marked("hub-result__summary", d[2], highlight, false));
    var sections = (r.sections || [{ doc: r.doc }]).filter(function (s) {
      return d[3][s.doc - first][0];
    }).slice(0, SECTIONS_SHOWN);
    if (sections.length) {
      var list = el("ul", { class: "hub-result__sections" });
      sections.forEach(function (s) {
        var section = d[3][s.doc - first];
        list.appendChild(el("li", {}, [
          el("a", { href: url + "#" + section[0] }, [section[1]]),
          marked("hub-result__snippet", section[2], highlight, true)
        ]));
      });
      item.appendChild(list);
    }
    return item;
  }

  var current = null; // {q, found}
  var shown = 0;

  function plural(n) { return n === 1 ? "1 result" : n + " results"; }

  function announce(text) { ui.status.textContent = text; }

  /* Draws the first page of results, the suggestion and the count in one go, once the
     pages' files are in, so nothing moves after it first appears. With no results, the
     page's own help shows: the main routes and the A to Z (search-ui.html). */
  function render(q, found) {
    var list = filtered(found.results);
    var next = list.slice(0, PAGE_SIZE);
    return ix.loadDocs(next.map(function (r) { return r.page; })).then(function () {
      ui.list.textContent = "";
      ui.suggest.textContent = "";
      shown = 0;
      if (found.suggestion) {
        ui.suggest.appendChild(el("p", {}, ["Did you mean ",
          el("a", { href: "?q=" + encodeURIComponent(found.suggestion) }, [found.suggestion]), "?"]));
      }
      ui.help.hidden = list.length > 0;
      if (!list.length) {
        ui.more.hidden = true;
        ui.list.setAttribute("aria-busy", "false");
        announce(found.results.length ? "No results for " + q + " with these filters" : "No results for " + q);
        return 0;
      }
      append(list, found.highlight);
      announce(plural(list.length) + " for " + q);
      return list.length;
    });
  }

  function append(list, highlight) {
    var frag = document.createDocumentFragment();
    list.slice(shown, shown + PAGE_SIZE).forEach(function (r) { frag.appendChild(resultItem(r, highlight)); });
    ui.list.appendChild(frag);
    ui.list.setAttribute("aria-busy", "false");
    shown = Math.min(list.length, shown + PAGE_SIZE);
    ui.more.hidden = shown >= list.length;
  }

  /* A small index is fetched whole once the first results are showing, so search
     keeps working if the connection drops; a large one loads what queries need. */
  var prefetched = false;
  function prefetch() {
    if (prefetched || !ix.manifest.prefetch) return;
    prefetched = true;
    var later = window.requestIdleCallback || function (fn) { return setTimeout(fn, 200); };
    later(function () {
      ix.allFiles().forEach(function (name) { ix.load(name).catch(function () {}); });
    });
  }

  // --- the page -----------------------------------------------------------------------

  function queryFromUrl() {
    var params = new URLSearchParams(location.search);
    return { q: (params.get("q") || "").trim(), type: params.getAll("type"), audience: params.getAll("audience") };
  }

  /* The filters sit in a <details> that the page draws folded, so the results come
     first at every width. It opens whenever a filter is on, so nobody has filters
     hidden from them. */
  function buildFilters() {
    var options = ui.filters.querySelector(".hub-filters__options");
    options.textContent = "";
    [["type", "Type", ix.manifest.types], ["audience", "Audience", ix.manifest.audiences]].forEach(function (spec) {
      var fieldset = el("fieldset", { class: "hub-filter" }, [el("legend", {}, [spec[1]])]);
      spec[2].forEach(function (option) {
        var id = "filter-" + spec[0] + "-" + option[0];
        var input = el("input", { type: "checkbox", name: spec[0], value: option[0], id: id });
        fieldset.appendChild(el("div", { class: "hub-filter__option" }, [input, el("label", { for: id }, [option[1]])]));
      });
      options.appendChild(fieldset);
    });
    ui.filterBox = ui.filters.querySelector("details");
    ui.filters.hidden = false;
  }

  /* The search box: looked up each time, as the suggestions (hub-suggest-page.js) put their
     own input in its place. Setting it tells them, so they do not draw the old text back. */
  function setBox(q) {
    var box = document.getElementById("search-page-q");
    if (box.value === q) return;
    box.value = q;
    box.dispatchEvent(new CustomEvent("hub-value"));
  }

  function applyUrl() {
    var state = queryFromUrl();
    setBox(state.q);
    Array.prototype.forEach.call(ui.form.querySelectorAll("input[type=checkbox]"), function (c) {
      c.checked = (state[c.name] || []).indexOf(c.value) >= 0;
      if (c.checked && ui.filterBox) ui.filterBox.open = true;
    });
    return state.q;
  }

  function urlFor(q) {
    var params = new URLSearchParams();
    params.set("q", q);
    ["type", "audience"].forEach(function (name) {
      selected(name).forEach(function (v) { params.append(name, v); });
    });
    return "?" + params.toString();
  }

  function run(q) {
    ui.list.setAttribute("aria-busy", "true");
    if (!q) {
      ui.list.textContent = "";
      ui.suggest.textContent = "";
      ui.help.hidden = true;
      ui.more.hidden = true;
      ui.list.setAttribute("aria-busy", "false");
      announce("Type a word or phrase to search the hub.");
      return Promise.resolve(0);
    }
    var started = performance.now(), searched;
    // Where a search's time went, for the benchmark: index slice, lunr.js, ranking, rendering.
    api.timings = { slice: 0, lunr: 0, rank: 0, terms: 0, search: 0, render: 0 };
    return search(q).then(function (found) {
      current = { q: q, found: found };
      api.last = found;
      searched = performance.now();
      return render(q, found);
    }).then(function (count) {
      api.timings.search = searched - started;
      api.timings.render = performance.now() - searched;
      prefetch();
      return count;
    }).catch(function (e) {
      ui.list.setAttribute("aria-busy", "false");
      announce("Search could not load part of its index. Check your connection and try again.");
      throw e;
    });
  }

  /* A search from the page: the results first, then the search box and the address (so back
     returns to the last results). Adding a history entry, and telling the suggestions what
     the box now holds, each take a millisecond or more: done once the results are on screen. */
  function go(q, push) {
    var url = push ? urlFor(q) : null;
    api.ready = run(q);
    api.ready.catch(function () {}).then(function () {
      setTimeout(function () {
        setBox(q);
        if (url) history.pushState(null, "", url);
      }, 0);
    });
    return api.ready;
  }

  function start() {
    return ix.start().then(function (manifest) {
      T = window.hubTerms.makeTerms(manifest.spellings);
      query = parts.query(ix, window.hubTerms, T);
      // The terms the client makes of some text, so tests can compare them with the indexer's.
      api.termsOf = function (text) {
        return window.hubTerms.compounds(text).map(function (c) {
          return c.parts.concat(c.joined ? [c.joined] : []).map(T.termOf);
        });
      };
    });
  }

  function init() {
    ui.form = document.getElementById("search-page-form");
    ui.list = document.getElementById("search-results");
    ui.status = document.getElementById("search-status");
    ui.filters = document.getElementById("search-filters");
    ui.suggest = document.getElementById("search-suggestions");
    ui.help = document.getElementById("search-help");
    ui.more = document.getElementById("search-more");
    if (!ui.form || !ui.list) return;
    document.documentElement.classList.add("hub-search-js");
    ui.list.setAttribute("aria-busy", "true");

    api.ready = start().then(function () {
      buildFilters();
      return run(applyUrl());
    }, function (e) {
      ui.list.setAttribute("aria-busy", "false");
      announce(e.outOfDate ? "Search has been updated since this page opened. Reload the page to search."
        : "Search could not load its index. Check your connection and try again.");
      throw e;
    });
    // The first results are on screen (or could not be): the suggestions may load now.
    api.ready.catch(function () {}).then(function () {
      api.shown = true;
      document.dispatchEvent(new CustomEvent("hub-search-shown"));
    });
    api.search = function (q) { return go(q, true); };

    // Searching again from this page (this form or the header's) stays on the page:
    // the index is already loaded, and the address still changes so back works.
    document.addEventListener("submit", function (event) {
      var form = event.target;
      var input = form.querySelector("input[name=q]");
      if (!input || !query || new URL(form.action, location.href).pathname !== location.pathname) return;
      event.preventDefault();
      go(input.value.trim(), true);
    });
    ui.filters.addEventListener("change", function () {
      if (!current) return;
      history.replaceState(null, "", urlFor(current.q));
      api.ready = render(current.q, current.found);
    });
    ui.more.addEventListener("click", function () {
      var list = filtered(current.found.results);
      var first = shown;
      ix.loadDocs(list.slice(shown, shown + PAGE_SIZE).map(function (r) { return r.page; })).then(function () {
        append(list, current.found.highlight);
        var link = ui.list.children[first] && ui.list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
    window.addEventListener("popstate", function () {
      if (!query) return;
      api.ready = run(applyUrl());
      api.ready.catch(function () {});
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
