/* The index, as the browser (or Node) holds it: loading its files and reading its rows.
 *
 * The index was built with the site (search/indexer.py) and written in small script
 * files (search/index_files.py); search/README.md, "Index format", describes them. This
 * part knows that format and nothing else: which file holds what, the manifest's version,
 * and the one decoder for a postings row (eachPosting). It never touches the page: the
 * caller passes `files`, the loader hub-files.js makes, which fetches each file once.
 *
 * In the browser it is part of assets/search/hub-search.js and sets window.hubParts.index;
 * in Node, require() returns the same factory.
 */
(function (part) {
  if (typeof module === "object" && module.exports) module.exports = part;
  else (window.hubParts = window.hubParts || {}).index = part;
})(function (lunr, files) {
  "use strict";

  var FORMAT = 4; // the manifest's version this client reads (search/README.md)
  var MAX_PREFIX_TERMS = 40;
  var MAX_PREFIX_SHARDS = 3; // a prefix's matches look no further than this many shards

  var M = null; // the manifest
  var ix = { manifest: null, pageOf: null, firstSection: null };
  var arrived = files.loaded; // a file's data, once it has arrived

  ix.add = files.add;
  ix.loaded = files.loaded;

  /* One file of the index, loaded once: "manifest", or a file of the hashed folder ("p3", "d0"). */
  ix.load = function (name) {
    return files.load(name, name === "manifest" ? "manifest.js" : M.base + name + ".js");
  };

  /* Loads the manifest and checks it is the format this client reads. */
  ix.start = function () {
    return ix.load("manifest").then(function (manifest) {
      if (manifest.version !== FORMAT) {
        var e = new Error("the search index is format " + manifest.version + ", this page reads format " + FORMAT);
        e.outOfDate = true;
        throw e;
      }
      M = ix.manifest = manifest;
      var sizes = M.pages.sections;
      ix.pageOf = new Int32Array(M.sections);
      ix.firstSection = new Int32Array(sizes.length + 1);
      for (var p = 0, s = 0; p < sizes.length; p++) {
        ix.firstSection[p] = s;
        for (var n = 0; n < sizes[p]; n++) ix.pageOf[s++] = p;
      }
      ix.firstSection[sizes.length] = M.sections;
      return M;
    });
  };
  ix.FORMAT = FORMAT;

  /* A page's type, its label and its audiences (bits: public 1, staff 2), from one character. */
  ix.pageMeta = function (page) {
    var code = M.pages.meta.charCodeAt(page) - 48;
    return { type: M.types[code >> 2][0], label: M.types[code >> 2][1], audience: code & 3 };
  };

  /* Binary search: the last index in the sorted list whose item is <= key (-1 if none). */
  function lastAtOrBefore(list, key) {
    var lo = 0, hi = list.length - 1, at = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] <= key) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return at;
  }

  // --- postings ---------------------------------------------------------------------------

  /* The one decoder of a postings row. A row holds, for each field the term is in: the
     field's number, how many sections, then each section as a gap from the previous one
     with the weight lunr.py gave the term there, in thousandths. fn(field, section, weight)
     is called for each, in the order they were written (sections in increasing order within
     each field); when fn returns true, reading stops there. */
  function eachPosting(row, fn) {
    for (var i = 0; i < row.length;) {
      var field = row[i++], n = row[i++], doc = 0;
      for (var j = 0; j < n; j++, i += 2) {
        doc += row[i];
        if (fn(field, doc, row[i + 1]) === true) return;
      }
    }
  }
  ix.eachPosting = eachPosting;

  ix.shardOf = function (term) { return Math.max(0, lastAtOrBefore(M.shards.first, term)); };

  var shards = {}; // n -> {terms: [...], rows: [...]}, split once
  function shard(n) {
    if (!shards[n]) {
      var data = arrived("p" + n);
      if (!data) return null;
      shards[n] = { terms: data.terms.split("\n"), rows: data.rows };
    }
    return shards[n];
  }

  ix.loadShards = function (numbers) {
    var wanted = {};
    numbers.forEach(function (n) { wanted[n] = true; });
    return Promise.all(Object.keys(wanted).map(function (n) { return ix.load("p" + n); }));
  };

  /* Where a term is in the lexicon, its shard being loaded: {pos, row}, or null if no page has it. */
  ix.entry = function (term) {
    var n = ix.shardOf(term), s = shard(n), at = s ? lastAtOrBefore(s.terms, term) : -1;
    if (at < 0 || s.terms[at] !== term) return null;
    return { pos: M.shards.start[n] + at, row: s.rows[at] };
  };

  ix.exists = function (term) { return ix.entry(term) !== null; };

  /* How many sections a term is in, counting no further than `enough`. */
  ix.sectionCount = function (term, enough) {
    var e = ix.entry(term);
    if (!e) return 0;
    var seen = new Set();
    eachPosting(e.row, function (field, doc) { seen.add(doc); return seen.size >= enough; });
    return seen.size;
  };

  /* The lexicon's terms that start with prefix, shortest first (its shards must be loaded). */
  ix.prefixTerms = function (prefix) {
    var out = [], n = ix.shardOf(prefix), last = Math.min(M.shards.first.length - 1, n + MAX_PREFIX_SHARDS - 1);
    for (; n <= last && arrived("p" + n); n++) {
      var s = shard(n), i = Math.max(0, lastAtOrBefore(s.terms, prefix));
      for (; i < s.terms.length; i++) {
        if (s.terms[i].lastIndexOf(prefix, 0) === 0) out.push(s.terms[i]);
        else if (s.terms[i] > prefix) break;
      }
      if (i < s.terms.length) break;
    }
    out.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
    return out.slice(0, MAX_PREFIX_TERMS);
  };

  ix.prefixShards = function (prefix) {
    var out = [], n = ix.shardOf(prefix);
    for (var k = 0; k < MAX_PREFIX_SHARDS && n + k < M.shards.first.length; k++) {
      if (k > 0 && M.shards.first[n + k].lastIndexOf(prefix, 0) !== 0) break;
      out.push(n + k);
    }
    return out;
  };

  // --- related words (WordNet) -------------------------------------------------------------

  /* The related-words file a term would be in (r<n>), by the first term of each file. */
  ix.relatedFile = function (term) { return "r" + Math.max(0, lastAtOrBefore(M.related.first, term)); };

  var relatedSplit = {}; // file -> {terms, lists, known}, split once
  /* For a term no page has: undefined if its file could not be loaded; null if it is not a
     word WordNet knows; otherwise the site's terms for words related to it, as
     [[terms, weight], ...], best first (none, for a word with no related word on the site). */
  ix.related = function (term) {
    var name = ix.relatedFile(term), data = arrived(name);
    if (!data) return undefined;
    if (!relatedSplit[name]) {
      relatedSplit[name] = { terms: data.terms.split("\n"), lists: data.related, known: data.known.split("\n") };
    }
    var s = relatedSplit[name], at = lastAtOrBefore(s.terms, term);
    if (at >= 0 && s.terms[at] === term) {
      return s.lists[at].map(function (r) { return [r[0].split(" "), r[1] / 100]; });
    }
    at = lastAtOrBefore(s.known, term);
    return at >= 0 && s.known[at] === term ? [] : null;
  };

  // --- the words the pages use, for the spelling pass ----------------------------------------

  var wordSets = {}; // length -> {set: lunr.TokenSet, count: word -> how often}
  function wordsOfLength(n) {
    if (!wordSets[n]) {
      var data = arrived("w" + n), list = data.words.split("\n"), count = new Map();
      list.forEach(function (w, i) { count.set(w, data.counts[i]); });
      wordSets[n] = { set: lunr.TokenSet.fromArray(list), count: count };
    }
    return wordSets[n];
  }

  function maxDistance(word) { return word.length >= 7 ? 2 : 1; }

  /* The word files a word's close spellings can be in: lengths within its edit distance. */
  ix.wordFiles = function (word) {
    var d = maxDistance(word), out = [];
    M.words.forEach(function (n) { if (Math.abs(n - word.length) <= d) out.push("w" + n); });
    return out;
  };

  /* Words the pages use within one edit of word (a swap of two letters next to each other
     counts as one: lunr.TokenSet's fuzzy match is a Damerau distance), or two for a long
     word with nothing closer. Best first: commonest, a different first letter counting
     for less, as people seldom mistype the first letter. */
  var near = new Map(); // word -> its close words: the pages' words never change
  ix.closeWords = function (word) {
    if (near.has(word)) return near.get(word);
    var found = findCloseWords(word);
    if (ix.wordFiles(word).every(function (f) { return arrived(f); })) near.set(word, found);
    return found;
  };

  function findCloseWords(word) {
    for (var d = 1; d <= maxDistance(word); d++) {
      var fuzzy = lunr.TokenSet.fromFuzzyString(word, d), found = [];
      M.words.forEach(function (n) {
        if (Math.abs(n - word.length) > d || !arrived("w" + n)) return;
        var ws = wordsOfLength(n);
        ws.set.intersect(fuzzy).toArray().forEach(function (w) {
          if (w !== word) found.push({ word: w, n: ws.count.get(w) * (w[0] === word[0] ? 1 : 0.2) });
        });
      });
      if (found.length) {
        found.sort(function (a, b) { return b.n - a.n || (a.word < b.word ? -1 : 1); });
        return found;
      }
    }
    return [];
  }

  // --- pages, for showing results -------------------------------------------------------------

  /* A page's document [url, title, summary, [[anchor, heading, text], ...]]: several pages share a file. */
  ix.docFile = function (page) { return "d" + Math.floor(page / M.pagesPerFile); };
  ix.pageDoc = function (page) { return arrived(ix.docFile(page))[page % M.pagesPerFile]; };
  ix.loadDocs = function (pages) {
    return Promise.all(pages.map(function (p) { return ix.load(ix.docFile(p)); }));
  };

  /* Every file a query may need, for fetching a small index whole once results show. The
     related-words table is left out: it is larger than the rest, and only a word no page
     has reads it (without it, such a word is matched by its close spellings instead). */
  ix.allFiles = function () {
    var names = M.shards.first.map(function (_, n) { return "p" + n; });
    for (var p = 0; p < M.pages.sections.length; p += M.pagesPerFile) names.push(ix.docFile(p));
    M.words.forEach(function (n) { names.push("w" + n); });
    return names;
  };

  return ix;
});
