/* The hub's search, in the browser, with no server.
 *
 * The index was built when the site was built (search/indexer.py) and split
 * into small script files. This script loads the manifest, works out which
 * terms a query needs, loads only the shards holding them, rebuilds that slice
 * of the Lunr index with lunr.Index.load, and lets lunr.js match and score.
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
    search: null
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

  /* The part of the full Lunr index that queries so far have needed. Each term's
     row of the inverted index and its entries in the field vectors are added the
     first time a query needs it, so the rows grow with use and a further query
     over words already seen costs only lunr.js's own matching and scoring. */
  var live = { inverted: {}, vectors: {} };
  var queryPipeline = null;

  /* A lunr.Index over the rows loaded so far whose token set is just this query's
     terms (sorted, as expand returns them). lunr.js only looks terms up in the token
     set, so a small one gives the same matches and scores as one of every loaded
     term, and costs nothing to rebuild: a token set of every loaded term grew with
     each query and was rebuilt whenever a query brought a new term. It also keeps
     the last word's prefix match to the terms prefixTerms chose. */
  function indexFor(terms) {
    var fields = M.fields;
    terms.forEach(function (term) {
      if (live.inverted[term]) return;
      var pos = position(term), shard = shardOf(pos);
      var row = arrived["p" + shard][pos - M.shards.starts[shard]];
      var posting = { _index: pos };
      fields.forEach(function (f) { posting[f] = {}; });
      for (var i = 0; i < row.length;) {
        var field = fields[row[i++]], n = row[i++], doc = 0;
        for (var j = 0; j < n; j++) {
          doc += row[i++];
          posting[field][doc] = {};
          var ref = field + "/" + doc;
          (live.vectors[ref] || (live.vectors[ref] = new lunr.Vector())).insert(pos, row[i++] / 1000);
        }
      }
      live.inverted[term] = posting;
    });
    if (!queryPipeline) queryPipeline = lunr.Pipeline.load(["hubSpelling", "stemmer"]);
    return new lunr.Index({
      invertedIndex: live.inverted,
      fieldVectors: live.vectors,
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

  function runLunr(index, list, fuzzy) {
    return index.query(function (query) {
      list.forEach(function (concept) {
        concept.alts.forEach(function (alt) {
          alt.terms.forEach(function (t, n) {
            var exact = alt.sets[n][t];
            if (exact) query.term(t, { usePipeline: false, boost: alt.boost });
            else if (fuzzy) {
              // The close spellings lunr.TokenSet found in the lexicon (fuzzyTerms), each as a term.
              alt.lists[n].forEach(function (near) {
                query.term(near, { usePipeline: false, boost: BOOST.fuzzy });
              });
            }
          });
        });
        if (concept.prefixSet && Object.keys(concept.prefixSet).length) {
          query.term(concept.prefix, { usePipeline: false, boost: BOOST.prefix, wildcard: lunr.Query.wildcard.TRAILING });
        }
      });
    });
  }

  /* Whether each list has at least one term in matched (called for every result, so plain loops). */
  function hasEach(lists, matched) {
    for (var l = 0; l < lists.length; l++) {
      var terms = lists[l], any = false;
      for (var k = 0; k < terms.length && !any; k++) any = matched[terms[k]] !== undefined;
      if (!any) return false;
    }
    return true;
  }

  /* How many of the query's concepts a result contains, from lunr's match data. */
  function conceptsMet(result, list) {
    var matched = result.matchData.metadata;
    var met = 0;
    for (var c = 0; c < list.length; c++) {
      var concept = list[c], ok = false;
      for (var a = 0; a < concept.alts.length && !ok; a++) ok = hasEach(concept.alts[a].lists, matched);
      if (!ok && concept.prefix && concept.prefixSet) {
        for (var t in matched) if (t.lastIndexOf(concept.prefix, 0) === 0) { ok = true; break; }
      }
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

  function pass(list, fuzzy) {
    var terms = expand(list, fuzzy);
    return postingsFor(terms).then(function () {
      if (!terms.length) return { results: [], matched: {}, fuzzy: fuzzy, concepts: list };
      var t0 = performance.now();
      var index = indexFor(terms);
      var t1 = performance.now();
      var raw = runLunr(index, list, fuzzy);
      var t2 = performance.now();
      var timings = api.timings; // both passes of a search add to the same figures
      timings.slice += t1 - t0; timings.lunr += t2 - t1; timings.terms += terms.length;
      var matched = {}, unseen = terms.length;
      var results = [];
      for (var i = 0; i < raw.length; i++) {
        var r = raw[i];
        if (unseen) {
          for (var t in r.matchData.metadata) if (!matched[t]) { matched[t] = true; unseen--; }
        }
        var met = conceptsMet(r, list);
        if (met > 0) results.push({ doc: Number(r.ref), score: r.score, met: met });
      }
      // Sections with all the words first, then the best Lunr score, then site order.
      results.sort(function (a, b) { return b.met - a.met || b.score - a.score || a.doc - b.doc; });
      timings.rank += performance.now() - t2;
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

  function buildFilters() {
    var box = ui.filters;
    box.textContent = "";
    [["type", "Type", M.types], ["audience", "Audience", M.audiences]].forEach(function (spec) {
      var fieldset = el("fieldset", { class: "hub-filter" }, [el("legend", {}, [spec[1]])]);
      spec[2].forEach(function (option) {
        var id = "filter-" + spec[0] + "-" + option[0];
        var input = el("input", { type: "checkbox", name: spec[0], value: option[0], id: id });
        fieldset.appendChild(el("div", { class: "hub-filter__option" }, [input, el("label", { for: id }, [option[1]])]));
      });
      box.appendChild(fieldset);
    });
    box.hidden = false;
  }

  function applyUrl() {
    var state = queryFromUrl();
    ui.input.value = state.q;
    Array.prototype.forEach.call(ui.form.querySelectorAll("input[type=checkbox]"), function (c) {
      c.checked = (state[c.name] || []).indexOf(c.value) >= 0;
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
