/* The hub's search, in the browser, with no server.
 *
 * The index was built when the site was built (search/indexer.py) and split
 * into small script files. This script loads the manifest, works out which
 * terms a query needs and loads only the shards holding them. It finds every
 * section those terms are in, and lunr.js scores and orders the best of them
 * over a lunr.Index rebuilt from their rows of the full index.
 * Every file is loaded with a <script> element, so an offline copy opened
 * from disk (file://) searches too. Nothing the visitor typed is ever parsed
 * as Lunr query syntax or inserted as HTML.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10; // results shown at once; "Show more results" adds more
  var FEW_RESULTS = 3; // fewer than this and a second pass tolerates typos
  var MAX_PREFIX_TERMS = 40;
  var MAX_FUZZY_TERMS = 30;
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
    ready: null, // a promise for the latest search, for tests and the benchmark
    search: null,
    // How many of the best matches lunr.js's Index.query scores and orders: the first
    // five pages of results. Tests set it to Infinity to have lunr.js score every match.
    lunrWindow: 50
  };
  window.hubSearch = api;

  function load(file) {
    var name = file.replace(/\.js$/, "").replace(/-[0-9a-f]+$/, "");
    if (arrived[name]) return Promise.resolve(arrived[name]);
    if (!waiting[name]) {
      waiting[name] = new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = new URL(file, INDEX).href;
        el.async = true;
        el.onload = function () {
          if (arrived[name]) resolve(arrived[name]);
          else fail();
        };
        el.onerror = fail;
        function fail() {
          delete waiting[name];
          el.remove();
          reject(new Error("could not load " + file));
        }
        document.head.appendChild(el);
      });
    }
    return waiting[name];
  }

  // --- words and terms: the same rules as search/words.py and search/spelling.py ---------

  var COMPOUND = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*(?:-[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*)*/gu;
  var IZE = /^([\p{L}\p{N}]{3,}[iy])z(e|es|ed|ing|er|ers|ation|ations|ational|able)$/u;
  var SUFFIXES = ["", "s", "es", "al", "ally", "ed", "ing", "er", "ers", "ist", "ists", "ism"];

  function clean(text) {
    return text.normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/[\u2010\u2011]/g, "-").toLowerCase();
  }

  function bmp(word) { return !/[\uD800-\uDFFF]/.test(word); }

  /* Each word or hyphenated word of text: {parts: [...], joined: "coproduction" or null}. */
  function compounds(text) {
    var out = [];
    clean(text).replace(COMPOUND, function (match) {
      var parts = match.split("-").filter(bmp);
      if (parts.length) out.push({ parts: parts, joined: parts.length > 1 ? parts.join("") : null });
      return match;
    });
    return out;
  }

  function makeSpeller(spellings) {
    var ordered = Object.keys(spellings).sort(function (a, b) {
      return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
    });
    return function (word) {
      var m = IZE.exec(word);
      if (m) return m[1] + "s" + m[2];
      if (Object.prototype.hasOwnProperty.call(spellings, word)) return spellings[word];
      for (var i = 0; i < ordered.length; i++) {
        var american = ordered[i];
        if (word.lastIndexOf(american, 0) === 0 && SUFFIXES.indexOf(word.slice(american.length)) >= 0) {
          return spellings[american] + word.slice(american.length);
        }
      }
      return word;
    };
  }

  // --- the index ------------------------------------------------------------------------

  var M = null; // the manifest
  var lexicon = null; // every term, sorted
  var fold = null; // the spelling folder
  var pipeline = null; // stop words, spelling, stemmer: as the indexer ran them
  var lexiconSet = null; // a lunr.TokenSet of the lexicon, built only when typos need it

  function start() {
    return load("manifest.js").then(function (manifest) {
      M = manifest;
      lexicon = M.lexicon.split("\n");
      fold = makeSpeller(M.spellings);
      var spelling = function (token) { return token.update(function (s) { return fold(s); }); };
      lunr.Pipeline.registerFunction(spelling, "hubSpelling");
      pipeline = new lunr.Pipeline();
      pipeline.add(lunr.stopWordFilter, spelling, lunr.stemmer);
    });
  }

  var terms = new Map(); // word -> term: snippets and queries ask about the same words again and again
  function termOf(word) {
    var term = terms.get(word);
    if (term === undefined) {
      var out = pipeline.run([new lunr.Token(word, {})]);
      term = out.length ? out[0].toString() : null;
      terms.set(word, term);
    }
    return term;
  }

  function position(term) {
    var lo = 0, hi = lexicon.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (lexicon[mid] === term) return mid;
      if (lexicon[mid] < term) lo = mid + 1; else hi = mid - 1;
    }
    return -lo - 1;
  }

  function prefixTerms(prefix) {
    var at = position(prefix);
    var i = at >= 0 ? at : -at - 1;
    var out = [];
    for (; i < lexicon.length && lexicon[i].lastIndexOf(prefix, 0) === 0; i++) out.push(lexicon[i]);
    out.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
    return out.slice(0, MAX_PREFIX_TERMS);
  }

  var near = new Map(); // term -> lexicon terms within its edit distance (the lexicon never changes)
  function fuzzyTerms(term) {
    if (term.length < 4) return [];
    if (!near.has(term)) {
      if (!lexiconSet) lexiconSet = lunr.TokenSet.fromArray(lexicon);
      var distance = term.length >= 8 ? 2 : 1;
      // The lexicon is intersected with the fuzzy set, as lunr.Index.query does: the order matters.
      near.set(term, lexiconSet.intersect(lunr.TokenSet.fromFuzzyString(term, distance)).toArray().slice(0, MAX_FUZZY_TERMS));
    }
    return near.get(term);
  }

  function shardOf(pos) {
    var starts = M.shards.starts, lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function postingsFor(terms) {
    var shards = {};
    terms.forEach(function (t) { shards[shardOf(position(t))] = true; });
    return Promise.all(Object.keys(shards).map(function (s) { return load(M.shards.files[s]); }));
  }

  /* A term's row of the postings (its shard is loaded): for each field it is in,
     the field's number, how many sections, then each section (as a gap from the
     last) with the weight lunr.py gave the term there, in thousandths. */
  function rowOf(term) {
    var pos = position(term), shard = shardOf(pos);
    return arrived["p" + shard][pos - M.shards.starts[shard]];
  }

  var queryPipeline = null;

  /* A lunr.Index holding just these sections' rows of the full index (inverted index
     and field vectors) for the query's terms. lunr.js scores a section from its own
     rows and the query alone, so each score here is the one the full index gives.
     The token set is just the query's terms: lunr.js only looks terms up in it, and
     it keeps the last word's prefix match to the terms prefixTerms chose. */
  function lunrIndexFor(terms, docs) {
    var fields = M.fields, inverted = {}, vectors = {};
    var wanted = new Uint8Array(M.docs.count);
    for (var d = 0; d < docs.length; d++) wanted[docs[d]] = 1;
    terms.forEach(function (term) {
      var row = rowOf(term), pos = position(term), posting = { _index: pos };
      fields.forEach(function (f) { posting[f] = {}; });
      for (var i = 0; i < row.length;) {
        var field = fields[row[i++]], n = row[i++], doc = 0;
        for (var j = 0; j < n; j++, i += 2) {
          doc += row[i];
          if (!wanted[doc]) continue;
          posting[field][doc] = {};
          var ref = field + "/" + doc;
          (vectors[ref] || (vectors[ref] = new lunr.Vector())).insert(pos, row[i + 1] / 1000);
        }
      }
      inverted[term] = posting;
    });
    if (!queryPipeline) queryPipeline = lunr.Pipeline.load(["hubSpelling", "stemmer"]);
    return new lunr.Index({
      invertedIndex: inverted,
      fieldVectors: vectors,
      tokenSet: lunr.TokenSet.fromArray(terms),
      fields: fields,
      pipeline: queryPipeline
    });
  }

  // --- from what someone typed to Lunr clauses --------------------------------------------

  /* A concept is one thing the query asks for: a word, a hyphenated word or a
     phrase from a synonym group. Each alternative lists terms that must all
     appear for a section to count as containing that concept. */
  function concepts(q) {
    var units = compounds(q).map(function (c) {
      var parts = c.parts.map(termOf).filter(Boolean);
      var joined = c.joined ? termOf(c.joined) : null;
      var alts = [];
      if (joined) alts.push({ terms: [joined], boost: BOOST.joined });
      if (parts.length) alts.push({ terms: parts, boost: BOOST.word });
      return { text: c.parts.join("-"), key: joined || parts.join(" "), alts: alts, last: c.parts[c.parts.length - 1] };
    }).filter(function (u) { return u.alts.length; });

    var out = [];
    for (var i = 0; i < units.length;) {
      var match = synonymAt(units, i);
      if (match) {
        out.push(match.concept);
        i += match.length;
        continue;
      }
      var pair = i + 1 < units.length ? termOf(units[i].text.replace(/-/g, "") + units[i + 1].text.replace(/-/g, "")) : null;
      if (pair && position(pair) >= 0) { // "co production" finds "coproduction"
        out.push({ text: units[i].text + " " + units[i + 1].text, last: units[i + 1].last,
          alts: [{ terms: [pair], boost: BOOST.joined }, { terms: units[i].alts[0].terms.concat(units[i + 1].alts[0].terms), boost: BOOST.word }] });
        i += 2;
        continue;
      }
      out.push({ text: units[i].text, alts: units[i].alts, last: units[i].last });
      i += 1;
    }
    if (out.length) {
      var lastWord = out[out.length - 1].last;
      var prefix = fold(lastWord);
      if (prefix.length >= 3) out[out.length - 1].prefix = prefix;
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
    phrasesStartingWith(units[i].key.split(" ")[0]).forEach(function (entry) {
      var n = phraseLength(units, i, entry.phrase);
      if (n && (!best || n > best.length)) best = { group: entry.group, length: n };
    });
    if (!best) return null;
    var covered = units.slice(i, i + best.length);
    var alts = best.group.map(function (terms) { return { terms: terms, boost: BOOST.synonym }; });
    if (best.length === 1) alts = covered[0].alts.concat(alts);
    return {
      length: best.length,
      concept: { text: covered.map(function (u) { return u.text; }).join(" "), alts: alts, last: covered[covered.length - 1].last }
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

  /* For each term of each alternative, the lexicon terms that count as it. */
  function expand(list, fuzzy) {
    var all = {};
    list.forEach(function (concept) {
      concept.alts.forEach(function (alt) {
        alt.sets = alt.terms.map(function (t) {
          var set = {};
          if (position(t) >= 0) set[t] = true;
          else if (fuzzy) fuzzyTerms(t).forEach(function (f) { set[f] = true; });
          Object.keys(set).forEach(function (k) { all[k] = true; });
          return set;
        });
        alt.lists = alt.sets.map(Object.keys);
      });
      if (concept.prefix) {
        var set = {};
        prefixTerms(concept.prefix).forEach(function (t) { set[t] = true; all[t] = true; });
        concept.prefixSet = set;
      }
    });
    return Object.keys(all).sort();
  }

  /* The Lunr clauses a query makes, as [term, boost, prefix?]: each alternative's
     terms, the close spellings of any that are not in the lexicon (second pass
     only), and the last word as a prefix. */
  function clausesOf(list, fuzzy) {
    var out = [];
    list.forEach(function (concept) {
      concept.alts.forEach(function (alt) {
        alt.terms.forEach(function (t, n) {
          if (alt.sets[n][t]) out.push([t, alt.boost, false]);
          else if (fuzzy) alt.lists[n].forEach(function (near) { out.push([near, BOOST.fuzzy, false]); });
        });
      });
      if (concept.prefixSet && Object.keys(concept.prefixSet).length) out.push([concept.prefix, BOOST.prefix, true]);
    });
    return out;
  }

  function runLunr(index, clauses) {
    return index.query(function (query) {
      clauses.forEach(function (c) {
        query.term(c[0], c[2] ? { usePipeline: false, boost: c[1], wildcard: lunr.Query.wildcard.TRAILING }
                              : { usePipeline: false, boost: c[1] });
      });
    });
  }

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
     each section has (a bit per term) and its Lunr score. lunr.js scores a section
     as the dot product of each field's vector with the query vector, over the length
     of the query vector; with one query vector for all fields that is the sum below. */
  function matchAll(terms, vector) {
    var count = M.docs.count, blocks = (terms.length + 31) >> 5;
    var bits = new Uint32Array(count * blocks), sum = new Float64Array(count), hit = [];
    for (var k = 0; k < terms.length; k++) {
      var row = rowOf(terms[k]), b = k >> 5, bit = (1 << (k & 31)) >>> 0;
      var weight = (vector.weights[terms[k]] || 0) / 1000 / (vector.length || 1);
      for (var i = 0; i < row.length;) {
        i++; // the field: the same query vector for each
        var n = row[i++], doc = 0;
        for (var j = 0; j < n; j++, i += 2) {
          doc += row[i];
          var at = doc * blocks;
          if (!(bits[at + b] & bit)) {
            var seen = false;
            for (var x = 0; x < blocks && !seen; x++) seen = bits[at + x] !== 0;
            if (!seen) hit.push(doc);
            bits[at + b] |= bit;
          }
          sum[doc] += weight * row[i + 1];
        }
      }
    }
    return { hit: hit, bits: bits, blocks: blocks, score: sum };
  }

  /* For each concept, the terms that satisfy it as bit masks: a concept is met by
     any alternative whose every list has a term present, or by a term it starts. */
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
        alts: concept.alts.map(function (alt) { return alt.lists.map(mask); }),
        prefix: concept.prefixSet ? mask(terms.filter(function (t) { return t.lastIndexOf(concept.prefix, 0) === 0; })) : null
      };
    });
  }

  function overlaps(bits, at, m) {
    for (var b = 0; b < m.length; b++) if (bits[at + b] & m[b]) return true;
    return false;
  }

  /* How many of the query's concepts a section contains (called for every match, so plain loops). */
  function conceptsMet(bits, at, masks) {
    var met = 0;
    for (var c = 0; c < masks.length; c++) {
      var concept = masks[c], ok = false;
      for (var a = 0; a < concept.alts.length && !ok; a++) {
        var lists = concept.alts[a];
        ok = true;
        for (var l = 0; l < lists.length && ok; l++) ok = overlaps(bits, at, lists[l]);
      }
      if (!ok && concept.prefix) ok = overlaps(bits, at, concept.prefix);
      if (ok) met++;
    }
    return met;
  }

  function search(q) {
    var list = concepts(q);
    if (!list.length) return Promise.resolve({ results: [], matched: {}, fuzzy: false, concepts: list });
    return pass(list, false).then(function (found) {
      if (found.results.length >= FEW_RESULTS) return found;
      return pass(list, true).then(function (second) {
        return second.results.length > found.results.length ? second : found;
      });
    });
  }

  function byRank(a, b) { return b.met - a.met || b.score - a.score || a.doc - b.doc; }

  /* Sections with all the words first, then by Lunr score, then in site order.
     Every match is found and scored from the postings (matchAll); then lunr.js's own
     Index.query scores the first api.lunrWindow of them, the ones people see first,
     and puts them in its order. A common word is in thousands of sections on a big
     site, and lunr.js makes several objects for each section and field it matches,
     which took most of a query's time; the scores are the same either way
     (tests/test_search_browser.py compares the two orders). */
  function pass(list, fuzzy) {
    var terms = expand(list, fuzzy);
    return postingsFor(terms).then(function () {
      if (!terms.length) return { results: [], matched: {}, fuzzy: fuzzy, concepts: list };
      var timings = api.timings; // both passes of a search add to the same figures
      var t0 = performance.now();
      var clauses = clausesOf(list, fuzzy);
      var found = matchAll(terms, queryVector(clauses, terms));
      var masks = conceptMasks(list, terms, found.blocks);
      var results = [];
      for (var i = 0; i < found.hit.length; i++) {
        var doc = found.hit[i], met = conceptsMet(found.bits, doc * found.blocks, masks);
        if (met > 0) results.push({ doc: doc, score: found.score[doc], met: met });
      }
      results.sort(byRank);
      var t1 = performance.now();
      var first = results.slice(0, api.lunrWindow);
      var index = lunrIndexFor(terms, first.map(function (r) { return r.doc; }));
      var t2 = performance.now();
      var scored = runLunr(index, clauses);
      var t3 = performance.now();
      var lunrScore = {};
      scored.forEach(function (r) { lunrScore[r.ref] = r.score; });
      first.forEach(function (r) { r.score = lunrScore[r.doc] || 0; });
      first.sort(byRank);
      results = first.concat(results.slice(first.length));
      timings.rank += t1 - t0 + (performance.now() - t3);
      timings.slice += t2 - t1; timings.lunr += t3 - t2; timings.terms += terms.length;
      var matched = {}; // every query term is in the lexicon, so in at least one section
      terms.forEach(function (t) { matched[t] = true; });
      return { results: results, matched: matched, fuzzy: fuzzy, concepts: list };
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

  function docMeta(doc) {
    var code = M.docs.meta.charCodeAt(doc) - 48;
    return { type: M.types[code >> 2][0], audience: code & 3 };
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
      var meta = docMeta(r.doc);
      if (types.length && types.indexOf(meta.type) < 0) return false;
      if (audiences.length && !(meta.audience & bits)) return false;
      return true;
    });
  }

  function docs(nums) {
    var chunks = {};
    nums.forEach(function (d) { chunks[Math.floor(d / M.docs.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) { return load(M.docs.files[c]); }));
  }

  function docEntry(doc) {
    var chunk = Math.floor(doc / M.docs.chunk);
    return arrived["d" + chunk][doc - chunk * M.docs.chunk];
  }

  /* The terms a word of the text stands for (joined form first), worked out once per
     distinct word: snippets meet the same words in result after result. */
  var wordTerms = new Map();
  function termsOfWord(word) {
    var out = wordTerms.get(word);
    if (out === undefined) {
      var c = compounds(word)[0];
      out = [];
      if (c) {
        if (c.joined) out.push(termOf(c.joined));
        c.parts.forEach(function (p) { out.push(termOf(p)); });
      }
      out = out.filter(Boolean);
      wordTerms.set(word, out);
    }
    return out;
  }

  function isMatch(word, matched) {
    var ts = termsOfWord(word);
    for (var i = 0; i < ts.length; i++) if (matched[ts[i]]) return true;
    return false;
  }

  /* A short piece of the section's text around the first matched word, matches in <mark>. */
  function snippet(text, matched) {
    var spans = [], first = -1, m;
    var finder = new RegExp(COMPOUND.source, "gu"); // its own lastIndex: isMatch uses COMPOUND too
    while ((m = finder.exec(text))) {
      if (isMatch(m[0], matched)) {
        spans.push([m.index, m.index + m[0].length]);
        if (first < 0) first = m.index;
      }
    }
    var from = 0;
    if (first > 80) from = text.indexOf(" ", first - 60) + 1;
    var to = Math.min(text.length, from + 240);
    if (to < text.length) to = text.lastIndexOf(" ", to) > from ? text.lastIndexOf(" ", to) : to;
    var out = el("p", { class: "hub-result__snippet" });
    var at = from;
    if (from > 0) out.appendChild(document.createTextNode("… "));
    spans.forEach(function (s) {
      if (s[0] < from || s[1] > to) return;
      out.appendChild(document.createTextNode(text.slice(at, s[0])));
      out.appendChild(el("mark", {}, [text.slice(s[0], s[1])]));
      at = s[1];
    });
    out.appendChild(document.createTextNode(text.slice(at, to) + (to < text.length ? " …" : "")));
    return out;
  }

  function resultItem(r, matched) {
    var d = docEntry(r.doc); // [url, title, heading, text]
    var label = d[2] ? d[1] + ": " + d[2] : d[1];
    var meta = docMeta(r.doc);
    var typeLabel = M.types.filter(function (t) { return t[0] === meta.type; })[0][1];
    return el("li", { class: "hub-result" }, [
      el("h2", { class: "hub-result__title" }, [el("a", { href: new URL(d[0], ROOT).href }, [label])]),
      el("p", { class: "hub-result__type" }, [typeLabel]),
      snippet(d[3], matched)
    ]);
  }

  var current = null; // {q, found}
  var shown = 0;

  function plural(n) { return n === 1 ? "1 result" : n + " results"; }

  function announce(text) {
    ui.status.textContent = text;
  }

  function render(q, found) {
    var list = filtered(found.results);
    ui.list.textContent = "";
    ui.more.hidden = true;
    ui.suggest.textContent = "";
    shown = 0;
    if (!list.length) {
      ui.list.setAttribute("aria-busy", "false");
      announce((found.results.length ? "No results for " + q + " with these filters" : "No results for " + q));
      return suggestions(found, true).then(function () { return 0; });
    }
    var hint = found.fuzzy ? suggestions(found, false) : null;
    return Promise.all([showMore(list, found.matched), hint]).then(function () {
      announce(plural(list.length) + " for " + q);
      return list.length;
    });
  }

  function showMore(list, matched) {
    var next = list.slice(shown, shown + PAGE_SIZE);
    return docs(next.map(function (r) { return r.doc; })).then(function () {
      var frag = document.createDocumentFragment();
      next.forEach(function (r) { frag.appendChild(resultItem(r, matched)); });
      ui.list.appendChild(frag);
      ui.list.setAttribute("aria-busy", "false");
      shown += next.length;
      ui.more.hidden = shown >= list.length;
    });
  }

  /* "Did you mean": for each word with no exact match, the commonest close term, as people write it. */
  function suggestions(found, none) {
    var box = ui.suggest;
    var link = function (text, href) { return el("a", { href: href }, [text]); };
    var az = box.getAttribute("data-az-url");
    return load(M.words).catch(function () { return null; }).then(function (words) {
      var fixes = [], changed = false;
      found.concepts.forEach(function (concept) {
        var exact = concept.alts.some(function (alt) {
          return alt.terms.every(function (t) { return position(t) >= 0; });
        });
        if (exact || !words) { fixes.push(concept.text); return; }
        var best = null;
        (concept.alts[concept.alts.length - 1].terms.length === 1 ? fuzzyTerms(concept.alts[concept.alts.length - 1].terms[0]) : []).forEach(function (t) {
          var w = words[position(t)];
          if (!best || w[1] > best.n) best = { word: w[0] || t, n: w[1] };
        });
        if (best) { fixes.push(best.word); changed = true; } else fixes.push(concept.text);
      });
      if (changed) {
        var q = fixes.join(" ");
        box.appendChild(el("p", {}, ["Did you mean ", link(q, "?q=" + encodeURIComponent(q)), "?"]));
      }
      if (!none) return;
      box.appendChild(el("p", {}, ["Check the spelling, try fewer or different words, or browse the ",
        link("A to Z index", az), "."]));
    });
  }

  /* A small index is fetched whole once the first results are showing, so search
     keeps working if the connection drops; a large one loads only what queries need. */
  var prefetched = false;
  function prefetch() {
    if (prefetched || !M.prefetch) return;
    prefetched = true;
    var later = window.requestIdleCallback || function (fn) { return setTimeout(fn, 200); };
    later(function () {
      M.shards.files.concat(M.docs.files, [M.words]).forEach(function (f) { load(f).catch(function () {}); });
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

  /* The filters sit in a <details>: open on a wide screen, closed on a phone, where
     eight checkboxes would push the results below the fold. Opened whenever a filter
     is on, so nobody has filters hidden from them. */
  var WIDE = "(min-width: 45em)";

  function buildFilters() {
    var box = ui.filters;
    box.textContent = "";
    var options = el("div", { class: "hub-filters__options" });
    [["type", "Type", M.types], ["audience", "Audience", M.audiences]].forEach(function (spec) {
      var fieldset = el("fieldset", { class: "hub-filter" }, [el("legend", {}, [spec[1]])]);
      spec[2].forEach(function (option) {
        var id = "filter-" + spec[0] + "-" + option[0];
        var input = el("input", { type: "checkbox", name: spec[0], value: option[0], id: id });
        fieldset.appendChild(el("div", { class: "hub-filter__option" }, [input, el("label", { for: id }, [option[1]])]));
      });
      options.appendChild(fieldset);
    });
    ui.filterBox = el("details", { class: "hub-filters" }, [el("summary", {}, ["Filter by type and audience"]), options]);
    ui.filterBox.open = window.matchMedia(WIDE).matches;
    box.appendChild(ui.filterBox);
    box.hidden = false;
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
      return compounds(text).map(function (c) {
        return c.parts.concat(c.joined ? [c.joined] : []).map(termOf);
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
      showMore(list, current.found.matched).then(function () {
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
