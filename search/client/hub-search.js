/* The hub's search page, in the browser, with no server.
 *
 * The index was built when the site was built (search/indexer.py) and split into
 * small script files (search/index_files.py). This script loads the manifest,
 * works out which terms a query needs and loads only the shards holding them.
 * It finds every section those terms are in, and lunr.js scores and orders the
 * best of them over a lunr.Index rebuilt from their rows of the full index.
 * Results are grouped by page: one result per page, ranked by its best section,
 * with up to three of its best sections as links.
 *
 * Every file is loaded with a <script> element, so an offline copy opened from
 * disk (file://) searches too. Nothing the visitor typed is ever parsed as Lunr
 * query syntax, and no text from the index is ever inserted as HTML: results are
 * built from DOM nodes and text nodes.
 *
 * The words and terms come from hub-terms.js (window.hubTerms), which is the first
 * part of this file as the site serves it.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10; // results shown at once; "Show more results" adds more
  var SECTIONS_SHOWN = 3; // best-matching sections listed under each result
  var FEW = 3; // a word in fewer sections than this is checked for typos
  var MAX_PREFIX_TERMS = 40;
  var MAX_PREFIX_SHARDS = 3; // the last word's prefix matches look no further than this
  var MAX_CORRECTIONS = 3; // close words tried for a misspelt word
  var MORE_COMMON = 5; // a rare word is only "corrected" to a word this many times commoner
  var LONGEST_WORD = 30; // longer "words" are not words anyone misspelt: no spelling pass
  var BOOST = { word: 1, joined: 1, synonym: 0.7, prefix: 0.5, fuzzy: 0.4 };

  var self = document.currentScript;
  var ASSETS = new URL(".", self.src);
  var INDEX = new URL("index/", ASSETS);
  var ROOT = new URL("../../", ASSETS);

  // --- loading the index's script files -------------------------------------------------

  var arrived = {}; // name -> data, filled by the files themselves
  var waiting = {}; // name -> promise
  var api = {
    add: function (name, data) { arrived[name] = data; },
    loaded: function (name) { return arrived[name]; }, // for tests: a file's data once it has arrived
    ready: null, // a promise for the latest search, for tests and the benchmark
    search: null,
    // How many of the best pages' best sections lunr.js's Index.query scores and orders:
    // the first five pages of results. Tests set it to Infinity to have lunr.js score them all.
    lunrWindow: 50
  };
  window.hubSearch = api;

  function load(name) {
    if (arrived[name]) return Promise.resolve(arrived[name]);
    if (!waiting[name]) {
      waiting[name] = new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = new URL(name === "manifest" ? "manifest.js" : M.base + name + ".js", INDEX).href;
        el.async = true;
        el.onload = function () {
          if (arrived[name]) resolve(arrived[name]);
          else fail();
        };
        el.onerror = fail;
        function fail() {
          delete waiting[name];
          el.remove();
          reject(new Error("could not load " + name));
        }
        document.head.appendChild(el);
      });
    }
    return waiting[name];
  }

  // --- the index ------------------------------------------------------------------------

  var M = null; // the manifest
  var T = null; // words and terms (hub-terms.js), with the site's spelling list
  var pageOf = null; // section -> page
  var firstSection = null; // page -> its first section

  function start() {
    return load("manifest").then(function (manifest) {
      M = manifest;
      T = window.hubTerms.makeTerms(M.spellings);
      var sizes = M.pages.sections;
      pageOf = new Int32Array(M.sections);
      firstSection = new Int32Array(sizes.length + 1);
      for (var p = 0, s = 0; p < sizes.length; p++) {
        firstSection[p] = s;
        for (var n = 0; n < sizes[p]; n++) pageOf[s++] = p;
      }
      firstSection[sizes.length] = M.sections;
    });
  }

  /* Binary search: the last index in the sorted list whose item is <= key (-1 if none). */
  function lastAtOrBefore(list, key) {
    var lo = 0, hi = list.length - 1, at = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] <= key) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return at;
  }

  function shardOf(term) { return Math.max(0, lastAtOrBefore(M.shards.first, term)); }

  function loadShards(numbers) {
    var wanted = {};
    numbers.forEach(function (n) { wanted[n] = true; });
    return Promise.all(Object.keys(wanted).map(function (n) { return load("p" + n).then(function () { shard(+n); }); }));
  }

  var shards = {}; // n -> {terms: [...], rows: [...]}, split once
  function shard(n) {
    if (!shards[n]) {
      var data = arrived["p" + n];
      if (!data) return null;
      shards[n] = { terms: data.terms.split("\n"), rows: data.rows };
    }
    return shards[n];
  }

  /* Where a term is in the lexicon, its shard being loaded: {pos, row}, or null if no page has it.
     A row holds, for each field the term is in: the field's number, how many sections,
     then each section (as a gap from the last) with the weight lunr.py gave the term
     there, in thousandths. */
  function entry(term) {
    var n = shardOf(term), s = shard(n), at = s ? lastAtOrBefore(s.terms, term) : -1;
    if (at < 0 || s.terms[at] !== term) return null;
    return { pos: M.shards.start[n] + at, row: s.rows[at] };
  }

  function exists(term) { return entry(term) !== null; }

  /* How many sections a term is in, counting no further than `enough`. */
  function sectionCount(term, enough) {
    var e = entry(term);
    if (!e) return 0;
    var row = e.row, seen = new Set();
    for (var i = 0; i < row.length && seen.size < enough;) {
      var n = row[i + 1], doc = 0;
      i += 2;
      for (var j = 0; j < n; j++, i += 2) { doc += row[i]; seen.add(doc); }
    }
    return seen.size;
  }

  /* The lexicon's terms that start with prefix, shortest first (its shards must be loaded). */
  function prefixTerms(prefix) {
    var out = [], n = shardOf(prefix), last = Math.min(M.shards.first.length - 1, n + MAX_PREFIX_SHARDS - 1);
    for (; n <= last && arrived["p" + n]; n++) {
      var s = shard(n), i = Math.max(0, lastAtOrBefore(s.terms, prefix));
      for (; i < s.terms.length; i++) {
        if (s.terms[i].lastIndexOf(prefix, 0) === 0) out.push(s.terms[i]);
        else if (s.terms[i] > prefix) break;
      }
      if (i < s.terms.length) break;
    }
    out.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
    return out.slice(0, MAX_PREFIX_TERMS);
  }

  function prefixShards(prefix) {
    var out = [], n = shardOf(prefix);
    for (var k = 0; k < MAX_PREFIX_SHARDS && n + k < M.shards.first.length; k++) {
      if (k > 0 && M.shards.first[n + k].lastIndexOf(prefix, 0) !== 0) break;
      out.push(n + k);
    }
    return out;
  }

  // --- close spellings ----------------------------------------------------------------

  var wordSets = {}; // length -> {set: lunr.TokenSet, count: word -> how often}
  function wordsOfLength(n) {
    if (!wordSets[n]) {
      var data = arrived["w" + n], list = data.words.split("\n"), count = new Map();
      list.forEach(function (w, i) { count.set(w, data.counts[i]); });
      wordSets[n] = { set: lunr.TokenSet.fromArray(list), count: count };
    }
    return wordSets[n];
  }

  function maxDistance(word) { return word.length >= 7 ? 2 : 1; }

  /* The word files a word's close spellings can be in: lengths within its edit distance. */
  function wordFiles(word) {
    var d = maxDistance(word), out = [];
    M.words.forEach(function (n) { if (Math.abs(n - word.length) <= d) out.push("w" + n); });
    return out;
  }

  /* Words the pages use within one edit of word (a swap of two letters next to each other
     counts as one: lunr.TokenSet's fuzzy match is a Damerau distance), or two for a long
     word with nothing closer. Best first: commonest, a different first letter counting
     for less, as people seldom mistype the first letter. */
  var near = new Map(); // word -> its close words: the pages' words never change
  function closeWords(word) {
    if (!near.has(word)) {
      var found = findCloseWords(word);
      if (wordFiles(word).every(function (f) { return arrived[f]; })) near.set(word, found);
      return found;
    }
    return near.get(word);
  }

  function findCloseWords(word) {
    for (var d = 1; d <= maxDistance(word); d++) {
      var fuzzy = lunr.TokenSet.fromFuzzyString(word, d), found = [];
      M.words.forEach(function (n) {
        if (Math.abs(n - word.length) > d || !arrived["w" + n]) return;
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

  // --- from what someone typed to concepts -------------------------------------------------

  /* One word of the query (or a hyphenated word, or a phone number) with its terms:
     alternatives, each a list of terms that must all be there. */
  function unitFor(parts, joined) {
    var terms = parts.map(T.termOf);
    var kept = terms.filter(Boolean);
    var alts = [];
    if (joined && T.termOf(joined)) alts.push({ terms: [T.termOf(joined)], boost: BOOST.joined });
    // "A&E" is found by its joined form: its parts ("a" is a stop word) would find any "e".
    if (kept.length && (!joined || kept.length === terms.length)) alts.push({ terms: kept, boost: BOOST.word });
    return {
      text: parts.join("-"), written: joined || parts[0], parts: parts,
      key: alts.length ? alts[0].terms.join(" ") : "", alts: alts
    };
  }

  /* A concept is one thing the query asks for: a word, a hyphenated word or a
     phrase from a synonym group. Each alternative lists terms that must all
     appear for a section to count as containing that concept. */
  function conceptsOf(units) {
    var out = [];
    for (var i = 0; i < units.length;) {
      var match = synonymAt(units, i);
      if (match) {
        out.push(match.concept);
        i += match.length;
        continue;
      }
      var pair = i + 1 < units.length ? T.termOf(units[i].written + units[i + 1].written) : null;
      if (pair && exists(pair)) { // "co production" finds "coproduction"
        out.push({ text: units[i].text + " " + units[i + 1].text,
          alts: [{ terms: [pair], boost: BOOST.joined },
                 { terms: units[i].alts[0].terms.concat(units[i + 1].alts[0].terms), boost: BOOST.word }] });
        i += 2;
        continue;
      }
      out.push({ text: units[i].text, alts: units[i].alts.slice() });
      i += 1;
    }
    return out;
  }

  /* Synonym phrases by their first term, so a word is only compared with the
     phrases that could start with it, not with every group on every query. */
  var phrasesByFirst = null;
  function phrasesStartingWith(term) {
    if (!phrasesByFirst) {
      phrasesByFirst = new Map();
      M.synonyms.forEach(function (group) {
        group.forEach(function (phrase) {
          if (!phrasesByFirst.has(phrase[0])) phrasesByFirst.set(phrase[0], []);
          phrasesByFirst.get(phrase[0]).push({ group: group, phrase: phrase });
        });
      });
    }
    return phrasesByFirst.get(term) || [];
  }

  function synonymAt(units, i) {
    var best = null;
    phrasesStartingWith(units[i].key.split(" ")[0]).forEach(function (found) {
      var n = phraseLength(units, i, found.phrase);
      if (n && (!best || n > best.length)) best = { group: found.group, length: n };
    });
    if (!best) return null;
    var covered = units.slice(i, i + best.length);
    var alts = best.group.map(function (terms) { return { terms: terms, boost: BOOST.synonym }; });
    if (best.length === 1) alts = covered[0].alts.concat(alts);
    return {
      length: best.length,
      concept: { text: covered.map(function (u) { return u.text; }).join(" "), alts: alts }
    };
  }

  /* How many units starting at i spell this phrase (0 if they do not). */
  function phraseLength(units, i, phrase) {
    var got = [];
    for (var n = 0; i + n < units.length && got.length < phrase.length; n++) {
      got = got.concat(units[i + n].key.split(" "));
      if (got.length === phrase.length && got.join(" ") === phrase.join(" ")) return n + 1;
    }
    return 0;
  }

  /* The shards holding every term these units could ask for: their own, two words
     joined up, and the synonyms of the phrases they spell. */
  function shardsFor(units) {
    var terms = [];
    units.forEach(function (u, i) {
      u.alts.forEach(function (a) { terms.push.apply(terms, a.terms); });
      if (i + 1 < units.length) terms.push(T.termOf(units[i].written + units[i + 1].written));
      var match = synonymAt(units, i);
      if (match) match.concept.alts.forEach(function (a) { terms.push.apply(terms, a.terms); });
    });
    return terms.filter(Boolean).map(shardOf);
  }

  /* The query, understood: its concepts, the words it corrected and what to highlight.

     1. Each word's terms (and its synonyms' terms) are looked up in their shards.
     2. Every word that no section has, or fewer than FEW have, is compared with the
        words the pages use, even when the other words find plenty. A word no section
        has is replaced by its best close word (so "frends and famly test" is read as
        "friends and family test" and meets its synonym "FFT"); a rare one keeps its
        place and gains its close words as alternatives.
     3. The last word, as typed so far, also matches as a prefix. */
  function understand(q) {
    var units = window.hubTerms.compounds(q).map(function (c) { return unitFor(c.parts, c.joined); })
      .filter(function (u) { return u.alts.length; });
    if (!units.length) return Promise.resolve(null);
    var last = units[units.length - 1];
    var prefix = last.parts.length === 1 && last.written.length >= 3 ? T.fold(last.written) : "";
    return loadShards(shardsFor(units).concat(prefix ? prefixShards(prefix) : [])).then(function () {
      var doubtful = units.map(function (u, i) {
        if (/[0-9]/.test(u.written) || u.written.length < 4 || u.written.length > LONGEST_WORD || inSynonyms(u)) return null;
        var missing = !u.alts.some(function (a) { return a.terms.every(exists); });
        // A last word still being typed is found by its prefix, not corrected.
        if (missing && i === units.length - 1 && prefix && prefixTerms(prefix).length) return null;
        var count = missing ? 0 : Math.min.apply(null, u.alts[0].terms.map(function (t) { return sectionCount(t, FEW); }));
        return count < FEW ? { unit: u, missing: missing } : null;
      }).filter(Boolean);
      if (!doubtful.length) return finish(q, units, [], prefix);
      var files = {};
      doubtful.forEach(function (d) { wordFiles(d.unit.written).forEach(function (f) { files[f] = true; }); });
      return Promise.all(Object.keys(files).map(function (f) { return load(f).catch(function () { return null; }); }))
        .then(function () {
          var fixes = corrections(doubtful);
          var fixed = units.map(function (u) { return fixedUnit(u, fixes); });
          var lastFix = fixes.filter(function (f) { return f.unit === last; })[0];
          return loadShards(shardsFor(fixed)).then(function () {
            return finish(q, fixed, fixes, lastFix && lastFix.replace ? "" : prefix);
          });
        });
    });
  }

  /* A word the synonym table lists ("PALS") is a word people mean, not a typo. */
  function inSynonyms(u) {
    return phrasesStartingWith(u.key).some(function (f) { return f.phrase.length === 1; });
  }

  /* For each doubtful word with close words: which to try, whether it replaces the word,
     and the word "Did you mean" offers. */
  function corrections(doubtful) {
    var fixes = [];
    doubtful.forEach(function (d) {
      var close = closeWords(d.unit.written).slice(0, MAX_CORRECTIONS);
      if (!close.length) return;
      var confident = d.missing || close[0].n >= MORE_COMMON * Math.max(writtenCount(d.unit.written), 1);
      fixes.push({ unit: d.unit, close: close, replace: d.missing, suggest: confident ? close[0].word : null });
    });
    return fixes;
  }

  function fixedUnit(u, fixes) {
    var fix = fixes.filter(function (f) { return f.unit === u; })[0];
    if (!fix) return u;
    var best = unitFor([fix.close[0].word], null);
    var others = fix.close.slice(1).map(function (w) { return { terms: [T.termOf(w.word)], boost: BOOST.fuzzy }; });
    if (fix.replace) {
      return { text: best.text, written: best.written, parts: best.parts, key: best.key,
        alts: best.alts.concat(others), fix: fix };
    }
    var fuzzy = best.alts.map(function (a) { return { terms: a.terms, boost: BOOST.fuzzy }; });
    return { text: u.text, written: u.written, parts: u.parts, key: u.key, alts: u.alts.concat(fuzzy, others), fix: fix };
  }

  function writtenCount(word) {
    return arrived["w" + word.length] ? wordsOfLength(word.length).count.get(word) || 0 : 0;
  }

  function finish(q, units, fixes, prefix) {
    var list = conceptsOf(units);
    if (prefix) {
      var found = prefixTerms(prefix);
      if (found.length) {
        var set = {};
        found.forEach(function (t) { set[t] = true; });
        list[list.length - 1].prefix = prefix;
        list[list.length - 1].prefixSet = set;
      }
    }
    // Only the words asked for are marked in results, with their stems and corrections,
    // never their synonyms: "carers" marks "carer" and "carer's", not "family".
    var highlight = {};
    units.forEach(function (u) {
      u.alts.forEach(function (a) {
        if (a.boost === BOOST.word || a.boost === BOOST.joined) a.terms.forEach(function (t) { highlight[t] = true; });
      });
      if (u.fix && u.fix.suggest) highlight[T.termOf(u.fix.suggest)] = true;
    });
    var last = units[units.length - 1];
    if (prefix && !last.alts.some(function (a) { return a.terms.every(exists); })) {
      prefixTerms(prefix).forEach(function (t) { highlight[t] = true; });
    }
    // "Did you mean": the query as typed, with each misspelt word replaced.
    var suggestion = null;
    fixes.forEach(function (f) {
      if (!f.suggest) return;
      var typed = new RegExp("(^|[^\\p{L}\\p{N}])" + f.unit.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") +
                             "(?![\\p{L}\\p{N}])", "iu");
      suggestion = (suggestion || q).replace(typed, function (_, before) { return before + f.suggest; });
    });
    return { concepts: list, highlight: highlight, suggestion: suggestion };
  }

  /* For each term of each alternative, whether the lexicon has it; and every term the query uses. */
  function termsOfConcepts(list) {
    var all = {};
    list.forEach(function (concept) {
      concept.alts.forEach(function (alt) {
        alt.present = alt.terms.filter(exists);
        alt.complete = alt.present.length === alt.terms.length;
        alt.present.forEach(function (t) { all[t] = true; });
      });
      if (concept.prefixSet) Object.keys(concept.prefixSet).forEach(function (t) { all[t] = true; });
    });
    return Object.keys(all).sort();
  }

  /* The Lunr clauses a query makes, as [term, boost, prefix?]: each alternative's
     terms the lexicon has, and the last word as a prefix. */
  function clausesOf(list) {
    var out = [];
    list.forEach(function (concept) {
      concept.alts.forEach(function (alt) {
        alt.present.forEach(function (t) { out.push([t, alt.boost, false]); });
      });
      if (concept.prefixSet) out.push([concept.prefix, BOOST.prefix, true]);
    });
    return out;
  }

  // --- scoring ---------------------------------------------------------------------------

  /* lunr.js's query vector, one weight per term: each clause adds its boost to every
     query term it matches (a prefix clause matches every query term it starts). Every
     clause searches every field, so this one vector is the query vector of each field. */
  function queryVector(clauses, terms) {
    var weights = {}, length = 0;
    clauses.forEach(function (c) {
      terms.forEach(function (t) {
        if (c[2] ? t.lastIndexOf(c[0], 0) === 0 : t === c[0]) weights[t] = (weights[t] || 0) + c[1];
      });
    });
    terms.forEach(function (t) { length += (weights[t] || 0) * (weights[t] || 0); });
    return { weights: weights, length: Math.sqrt(length) };
  }

  /* Every section the query's terms are in, from their rows in one pass: which terms
     each section has (a bit per term), which it has in the page's title, summary or
     topics (what the page is about), and its Lunr score. lunr.js scores a section as
     the dot product of each field's vector with the query vector, over the length of
     the query vector; with one query vector for all fields that is the sum below.
     The arrays are kept from one query to the next and only the entries a query
     touched are cleared, so a query on a big site makes little garbage to collect. */
  var ABOUT_FIELDS = ["title", "summary", "topics"];
  var space = null;
  function workspace(blocks) {
    if (!space || space.blocks < blocks) {
      var count = M.sections, pages = M.pages.sections.length;
      space = {
        blocks: blocks, bits: new Uint32Array(count * blocks), about: new Uint32Array(count * blocks),
        own: new Uint32Array(count * blocks), score: new Float64Array(count), ownScore: new Float64Array(count),
        seen: new Uint8Array(count),
        pageBits: new Uint32Array(pages), pageAbout: new Uint32Array(pages), pageBest: new Int32Array(pages).fill(-1),
        pageBestMet: new Uint8Array(pages), isAbout: M.fields.map(function (f) { return ABOUT_FIELDS.indexOf(f) >= 0; })
      };
    }
    return space;
  }

  function matchAll(terms, vector) {
    var blocks = (terms.length + 31) >> 5, w = workspace(blocks), stride = w.blocks;
    var bits = w.bits, about = w.about, own = w.own, sum = w.score, ownSum = w.ownScore;
    var seen = w.seen, isAbout = w.isAbout, hit = [];
    for (var k = 0; k < terms.length; k++) {
      var row = entry(terms[k]).row, b = k >> 5, bit = (1 << (k & 31)) >>> 0;
      var weight = (vector.weights[terms[k]] || 0) / 1000 / (vector.length || 1);
      for (var i = 0; i < row.length;) {
        var inAbout = isAbout[row[i++]]; // the field: the same query vector for each
        var n = row[i++], doc = 0;
        for (var j = 0; j < n; j++, i += 2) {
          doc += row[i];
          if (!seen[doc]) { seen[doc] = 1; hit.push(doc); }
          bits[doc * stride + b] |= bit;
          sum[doc] += weight * row[i + 1];
          if (inAbout) about[doc * stride + b] |= bit;
          else { own[doc * stride + b] |= bit; ownSum[doc] += weight * row[i + 1]; }
        }
      }
    }
    return { hit: hit, bits: bits, about: about, own: own, stride: stride, score: sum, ownScore: ownSum };
  }

  /* Clears what a query wrote into the workspace. */
  function clearSpace(hit, pages) {
    var w = space;
    for (var i = 0; i < hit.length; i++) {
      var doc = hit[i];
      w.seen[doc] = 0; w.score[doc] = 0; w.ownScore[doc] = 0;
      for (var b = 0; b < w.blocks; b++) {
        var at = doc * w.blocks + b;
        w.bits[at] = 0; w.about[at] = 0; w.own[at] = 0;
      }
    }
    for (var j = 0; j < pages.length; j++) {
      var p = pages[j];
      w.pageBits[p] = 0; w.pageAbout[p] = 0; w.pageBest[p] = -1; w.pageBestMet[p] = 0;
    }
  }

  /* For each concept, the terms that satisfy it as bit masks: a concept is met by
     any alternative whose every term is present, or by a term its prefix starts. */
  function conceptMasks(list, terms, blocks) {
    var at = {};
    terms.forEach(function (t, k) { at[t] = k; });
    function mask(ts) {
      var m = new Uint32Array(blocks);
      ts.forEach(function (t) { if (at[t] !== undefined) m[at[t] >> 5] |= (1 << (at[t] & 31)) >>> 0; });
      return m;
    }
    return list.map(function (concept) {
      return {
        alts: concept.alts.filter(function (alt) { return alt.complete; }).map(function (alt) {
          return alt.terms.map(function (t) { return mask([t]); });
        }),
        prefix: concept.prefixSet ? mask(Object.keys(concept.prefixSet)) : null
      };
    });
  }

  function overlaps(bits, at, m) {
    for (var b = 0; b < m.length; b++) if (bits[at + b] & m[b]) return true;
    return false;
  }

  /* Which of the query's concepts a section contains, as bits (called for every match, so plain loops). */
  function conceptsMet(bits, at, masks) {
    var met = 0;
    for (var c = 0; c < masks.length && c < 31; c++) {
      var concept = masks[c], ok = false;
      for (var a = 0; a < concept.alts.length && !ok; a++) {
        var lists = concept.alts[a];
        ok = true;
        for (var l = 0; l < lists.length && ok; l++) ok = overlaps(bits, at, lists[l]);
      }
      if (!ok && concept.prefix) ok = overlaps(bits, at, concept.prefix);
      if (ok) met |= 1 << c;
    }
    return met;
  }

  function bitCount(x) {
    var n = 0;
    for (; x; x &= x - 1) n++;
    return n;
  }

  function byRank(a, b) { return b.met - a.met || b.about - a.about || b.score - a.score || a.page - b.page; }
  function bySection(a, b) { return b.met - a.met || b.score - a.score || a.doc - b.doc; }

  /* One result per page: pages with the most of the query's concepts first (anywhere on
     the page), then pages whose title, summary or topics have the most of them (pages
     about the words before pages that mention them), then by the Lunr score of the
     page's best section. Every match is found and scored from the postings (matchAll);
     then lunr.js's own Index.query scores the best sections of the first api.lunrWindow
     pages, the ones people see first, and puts them in its order. A common word is in
     thousands of sections on a big site, and lunr.js makes several objects for each
     section and field it matches, which took most of a query's time; the scores are the
     same either way (tests/test_search_browser.py compares the two orders). */
  function rank(understood) {
    var list = understood.concepts, timings = api.timings;
    var terms = termsOfConcepts(list);
    if (!terms.length) return [];
    var t0 = performance.now();
    var clauses = clausesOf(list);
    var found = matchAll(terms, queryVector(clauses, terms));
    var masks = conceptMasks(list, terms, found.stride);
    var w = space, touched = [], score = found.score;
    for (var i = 0; i < found.hit.length; i++) {
      var doc = found.hit[i], met = conceptsMet(found.bits, doc * found.stride, masks);
      if (!met) continue;
      var page = pageOf[doc], count = bitCount(met), best = w.pageBest[page];
      if (best < 0) touched.push(page);
      w.pageBits[page] |= met;
      // Title, summary and topics are indexed with a page's first section only.
      if (doc === firstSection[page]) w.pageAbout[page] = conceptsMet(found.about, doc * found.stride, masks);
      if (best < 0 || count > w.pageBestMet[page] || (count === w.pageBestMet[page] &&
          (score[doc] > score[best] || (score[doc] === score[best] && doc < best)))) {
        w.pageBest[page] = doc;
        w.pageBestMet[page] = count;
      }
    }
    var results = touched.map(function (p) {
      var d = w.pageBest[p];
      return { page: p, doc: d, met: bitCount(w.pageBits[p]), about: bitCount(w.pageAbout[p]), score: score[d] };
    });
    results.sort(byRank);
    var t1 = performance.now();
    var first = results.slice(0, api.lunrWindow);
    var index = lunrIndexFor(terms, first.map(function (r) { return r.doc; }));
    var t2 = performance.now();
    var scored = runLunr(index, clauses);
    var t3 = performance.now();
    var lunrScore = {};
    scored.forEach(function (s) { lunrScore[s.ref] = s.score; });
    first.forEach(function (r) { r.score = lunrScore[r.doc] || 0; });
    first.sort(byRank);
    results = first.concat(results.slice(first.length));
    // The best sections of the pages people see first, from the sections of each that
    // matched; further down the list, a page shows its best section.
    for (var n = 0; n < results.length && n < api.lunrWindow; n++) results[n].sections = sectionsOf(results[n].page, found, masks);
    clearSpace(found.hit, touched);
    timings.rank += t1 - t0 + (performance.now() - t3);
    timings.slice += t2 - t1; timings.lunr += t3 - t2; timings.terms += terms.length;
    return results;
  }

  /* A page's sections that have any of the query's concepts in their own heading and
     text, best first by those alone: the page's title and summary, indexed with its
     first section, say what the page is about, not which part of it answers. */
  function sectionsOf(page, found, masks) {
    var out = [];
    for (var doc = firstSection[page]; doc < firstSection[page + 1]; doc++) {
      var met = space.seen[doc] ? conceptsMet(found.own, doc * found.stride, masks) : 0;
      if (met) out.push({ doc: doc, met: bitCount(met), score: found.ownScore[doc] });
    }
    return out.sort(bySection);
  }

  /* A lunr.Index holding just these sections' rows of the full index (inverted index
     and field vectors) for the query's terms. lunr.js scores a section from its own
     rows and the query alone, so each score here is the one the full index gives.
     The token set is just the query's terms: lunr.js only looks terms up in it, and
     it keeps the last word's prefix match to the terms prefixTerms chose. */
  var queryPipeline = null;
  function lunrIndexFor(terms, docs) {
    var fields = M.fields, inverted = {}, vectors = {};
    var wanted = new Uint8Array(M.sections);
    for (var d = 0; d < docs.length; d++) wanted[docs[d]] = 1;
    terms.forEach(function (term) {
      var e = entry(term), row = e.row, posting = { _index: e.pos };
      fields.forEach(function (f) { posting[f] = {}; });
      for (var i = 0; i < row.length;) {
        var field = fields[row[i++]], n = row[i++], doc = 0;
        for (var j = 0; j < n; j++, i += 2) {
          doc += row[i];
          if (!wanted[doc]) continue;
          posting[field][doc] = {};
          var ref = field + "/" + doc;
          (vectors[ref] || (vectors[ref] = new lunr.Vector())).insert(e.pos, row[i + 1] / 1000);
        }
      }
      inverted[term] = posting;
    });
    if (!queryPipeline) queryPipeline = lunr.Pipeline.load(["stemmer"]);
    return new lunr.Index({
      invertedIndex: inverted,
      fieldVectors: vectors,
      tokenSet: lunr.TokenSet.fromArray(terms),
      fields: fields,
      pipeline: queryPipeline
    });
  }

  function runLunr(index, clauses) {
    return index.query(function (query) {
      clauses.forEach(function (c) {
        query.term(c[0], c[2] ? { usePipeline: false, boost: c[1], wildcard: lunr.Query.wildcard.TRAILING }
                              : { usePipeline: false, boost: c[1] });
      });
    });
  }

  function search(q) {
    return understand(q).then(function (understood) {
      if (!understood) return { results: [], highlight: {}, suggestion: null, concepts: [] };
      return { results: rank(understood), highlight: understood.highlight, suggestion: understood.suggestion,
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

  function pageMeta(page) {
    var code = M.pages.meta.charCodeAt(page) - 48;
    return { type: M.types[code >> 2][0], label: M.types[code >> 2][1], audience: code & 3 };
  }

  function selected(name) {
    return Array.prototype.filter.call(ui.form.querySelectorAll("input[name=" + name + "]"), function (c) {
      return c.checked;
    }).map(function (c) { return c.value; });
  }

  function filtered(results) {
    var types = selected("type"), audiences = selected("audience");
    if (!types.length && !audiences.length) return results;
    var names = M.audiences.map(function (x) { return x[0]; }), bits = 0;
    audiences.forEach(function (a) { bits |= 1 << names.indexOf(a); });
    return results.filter(function (r) {
      var meta = pageMeta(r.page);
      if (types.length && types.indexOf(meta.type) < 0) return false;
      if (audiences.length && !(meta.audience & bits)) return false;
      return true;
    });
  }

  /* A page's document (address, title, summary, sections): several pages share a file. */
  function docFile(page) { return "d" + Math.floor(page / M.pagesPerFile); }
  function pageDoc(page) { return arrived[docFile(page)][page % M.pagesPerFile]; }

  function pagesData(results) {
    return Promise.all(results.map(function (r) { return load(docFile(r.page)); }));
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
    var d = pageDoc(r.page); // [url, title, summary, [[anchor, heading, text], ...]]
    var url = new URL(d[0], ROOT).href;
    var item = el("li", { class: "hub-result" }, [
      el("h2", { class: "hub-result__title" }, [el("a", { href: url }, [d[1]])]),
      el("p", { class: "hub-result__type" }, [pageMeta(r.page).label])
    ]);
    if (d[2]) item.appendChild(marked("hub-result__summary", d[2], highlight, false));
    var sections = (r.sections || [{ doc: r.doc }]).filter(function (s) {
      return d[3][s.doc - firstSection[r.page]][0];
    }).slice(0, SECTIONS_SHOWN);
    if (sections.length) {
      var list = el("ul", { class: "hub-result__sections" });
      sections.forEach(function (s) {
        var section = d[3][s.doc - firstSection[r.page]];
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

  function announce(text) {
    ui.status.textContent = text;
  }

  /* Draws the first page of results, the suggestion and the count in one go, once the
     pages' files are in, so nothing moves after it first appears. */
  function render(q, found) {
    var list = filtered(found.results);
    var next = list.slice(0, PAGE_SIZE);
    return pagesData(next).then(function () {
      ui.list.textContent = "";
      ui.suggest.textContent = "";
      shown = 0;
      if (found.suggestion) {
        ui.suggest.appendChild(el("p", {}, ["Did you mean ",
          el("a", { href: "?q=" + encodeURIComponent(found.suggestion) }, [found.suggestion]), "?"]));
      }
      if (!list.length) {
        ui.more.hidden = true;
        ui.suggest.appendChild(el("p", {}, ["Check the spelling, try fewer or different words, or browse the ",
          el("a", { href: ui.suggest.getAttribute("data-az-url") }, ["A to Z index"]), "."]));
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
    if (prefetched || !M.prefetch) return;
    prefetched = true;
    var later = window.requestIdleCallback || function (fn) { return setTimeout(fn, 200); };
    later(function () {
      var names = M.shards.first.map(function (_, n) { return "p" + n; });
      for (var p = 0; p < M.pages.sections.length; p += M.pagesPerFile) names.push(docFile(p));
      M.words.forEach(function (n) { names.push("w" + n); });
      names.forEach(function (name) { load(name).catch(function () {}); });
    });
  }

  // --- the page -----------------------------------------------------------------------

  function queryFromUrl() {
    var params = new URLSearchParams(location.search);
    return {
      q: (params.get("q") || "").trim(),
      type: params.getAll("type"),
      audience: params.getAll("audience")
    };
  }

  /* The filters sit in a <details> that the page draws folded, so the results come
     first at every width. It opens whenever a filter is on, so nobody has filters
     hidden from them. */
  function buildFilters() {
    var options = ui.filters.querySelector(".hub-filters__options");
    options.textContent = "";
    [["type", "Type", M.types], ["audience", "Audience", M.audiences]].forEach(function (spec) {
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

  function applyUrl() {
    var state = queryFromUrl();
    ui.input.value = state.q;
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

  function go(q, push) {
    if (push) history.pushState(null, "", urlFor(q));
    api.ready = run(q);
    api.ready.catch(function () {});
    return api.ready;
  }

  function init() {
    ui.form = document.getElementById("search-page-form");
    ui.input = document.getElementById("search-page-q");
    ui.list = document.getElementById("search-results");
    ui.status = document.getElementById("search-status");
    ui.filters = document.getElementById("search-filters");
    ui.suggest = document.getElementById("search-suggestions");
    ui.more = document.getElementById("search-more");
    if (!ui.form || !ui.list) return;
    document.documentElement.classList.add("hub-search-js");
    ui.list.setAttribute("aria-busy", "true");

    api.ready = start().then(function () {
      buildFilters();
      var q = applyUrl();
      return run(q);
    }, function (e) {
      ui.list.setAttribute("aria-busy", "false");
      announce("Search could not load its index. Check your connection and try again.");
      throw e;
    });
    api.ready.catch(function () {});
    // The terms the client makes of some text, so tests can compare them with the indexer's.
    api.termsOf = function (text) {
      return window.hubTerms.compounds(text).map(function (c) {
        return c.parts.concat(c.joined ? [c.joined] : []).map(T.termOf);
      });
    };
    api.search = function (q) { ui.input.value = q; return go(q, true); };

    // Searching again from this page (this form or the header's) stays on the page:
    // the index is already loaded, and the address still changes so back works.
    document.addEventListener("submit", function (event) {
      var form = event.target;
      var input = form.querySelector("input[name=q]");
      if (!input || !M || new URL(form.action, location.href).pathname !== location.pathname) return;
      event.preventDefault();
      var q = input.value.trim();
      ui.input.value = q;
      go(q, true);
    });
    ui.filters.addEventListener("change", function () {
      if (!current) return;
      history.replaceState(null, "", urlFor(current.q));
      api.ready = render(current.q, current.found);
    });
    ui.more.addEventListener("click", function () {
      var list = filtered(current.found.results);
      var first = shown;
      pagesData(list.slice(shown, shown + PAGE_SIZE)).then(function () {
        append(list, current.found.highlight);
        var link = ui.list.children[first] && ui.list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
    window.addEventListener("popstate", function () {
      if (!M) return;
      api.ready = run(applyUrl());
      api.ready.catch(function () {});
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
