/* Ranking: from the concepts of a query (hub-query.js) to results, one per page.
 *
 * Every section a query's terms are in is found and scored from the postings rows;
 * pages with the most of the query's concepts come first (anywhere on the page), then
 * pages whose title, summary, topics or search phrases have more of them (pages about
 * the words before pages that mention them), then by the Lunr score of the page's best
 * section. lunr.js's own Index.query then scores and orders the best sections of the
 * first `lunrWindow` pages over a lunr.Index of just their rows (the scores are the
 * same as the full index would give: tests/test_search_browser.py compares the two).
 *
 * It never touches the page, so it runs in Node (tests/test_search_client.py).
 * In the browser it sets window.hubParts.rank.
 */
(function (part) {
  if (typeof module === "object" && module.exports) module.exports = part;
  else (window.hubParts = window.hubParts || {}).rank = part;
})(function (ix, lunr) {
  "use strict";

  // Fields that say what a whole page is about (indexed with its first section only).
  var ABOUT_FIELDS = ["title", "summary", "topics", "phrases"];

  /* For each term of each alternative, whether the lexicon has it; and every term the query uses. */
  function termsOfConcepts(list) {
    var all = {};
    list.forEach(function (concept) {
      concept.alts.forEach(function (alt) {
        alt.present = alt.terms.filter(ix.exists);
        alt.complete = alt.present.length === alt.terms.length;
        alt.present.forEach(function (t) { all[t] = true; });
      });
      if (concept.prefixSet) Object.keys(concept.prefixSet).forEach(function (t) { all[t] = true; });
    });
    return Object.keys(all).sort();
  }

  /* The Lunr clauses a query makes, as [term, boost, prefix?]: each alternative's
     terms the lexicon has, and the last word as a prefix. */
  function clausesOf(list, prefixBoost) {
    var out = [];
    list.forEach(function (concept) {
      concept.alts.forEach(function (alt) {
        alt.present.forEach(function (t) { out.push([t, alt.boost, false]); });
      });
      if (concept.prefixSet) out.push([concept.prefix, prefixBoost, true]);
    });
    return out;
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

  /* Typed arrays kept from one query to the next (only the entries a query touched are
     cleared), so a query on a big site makes little garbage to collect. */
  var space = null;
  function workspace(blocks) {
    var M = ix.manifest;
    if (!space || space.blocks < blocks) {
      var count = M.sections, pages = M.pages.sections.length;
      space = {
        blocks: blocks, bits: new Uint32Array(count * blocks), about: new Uint32Array(count * blocks),
        own: new Uint32Array(count * blocks), score: new Float64Array(count), ownScore: new Float64Array(count),
        seen: new Uint8Array(count), hit: new Int32Array(count), // the sections a query matched, in the order found
        pageBits: new Uint32Array(pages), pageExact: new Uint32Array(pages), pageAbout: new Uint32Array(pages),
        pageBest: new Int32Array(pages).fill(-1),
        pageBestMet: new Uint8Array(pages), isAbout: M.fields.map(function (f) { return ABOUT_FIELDS.indexOf(f) >= 0; })
      };
    }
    return space;
  }

  /* Every section the query's terms are in, from their rows in one pass: which terms each
     section has (a bit per term), which it has in the fields about the page, and its Lunr
     score: lunr.js scores a section as the dot product of each field's vector with the
     query vector, over the query vector's length; with one query vector for all fields,
     that is the sum below. */
  function matchAll(terms, vector) {
    var blocks = (terms.length + 31) >> 5, w = workspace(blocks), stride = w.blocks;
    var bits = w.bits, about = w.about, own = w.own, sum = w.score, ownSum = w.ownScore;
    var seen = w.seen, isAbout = w.isAbout, hit = w.hit, hits = 0;
    var b = 0, bit = 0, weight = 0;
    function add(field, doc, value) {
      if (!seen[doc]) { seen[doc] = 1; hit[hits++] = doc; }
      bits[doc * stride + b] |= bit;
      sum[doc] += weight * value;
      if (isAbout[field]) about[doc * stride + b] |= bit;
      else { own[doc * stride + b] |= bit; ownSum[doc] += weight * value; }
    }
    for (var k = 0; k < terms.length; k++) {
      b = k >> 5;
      bit = (1 << (k & 31)) >>> 0;
      weight = (vector.weights[terms[k]] || 0) / 1000 / (vector.length || 1);
      ix.eachPosting(ix.entry(terms[k]).row, add);
    }
    return { hit: hit.subarray(0, hits), bits: bits, about: about, own: own, stride: stride, score: sum, ownScore: ownSum };
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
      w.pageBits[p] = 0; w.pageExact[p] = 0; w.pageAbout[p] = 0; w.pageBest[p] = -1; w.pageBestMet[p] = 0;
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
    function masksOf(alts) {
      return alts.filter(function (alt) { return alt.complete; }).map(function (alt) {
        return alt.terms.map(function (t) { return mask([t]); });
      });
    }
    /* With at most 32 terms (nearly every query) a section's terms are one word of bits: each
       alternative is then one mask that must be all there, and a prefix one that must touch. */
    function withWords(masks) {
      if (blocks === 1) {
        masks.words = masks.map(function (c) {
          return { alts: c.alts.map(function (lists) { return lists.reduce(function (m, l) { return (m | l[0]) >>> 0; }, 0); }),
            prefix: c.prefix ? c.prefix[0] : 0 };
        });
      }
      return masks;
    }
    var all = withWords(list.map(function (concept) {
      return { alts: masksOf(concept.alts), prefix: concept.prefixSet ? mask(Object.keys(concept.prefixSet)) : null };
    }));
    // The same, without the weak alternatives (related words, close spellings): null if none is weak.
    var weak = list.some(function (c) { return c.alts.some(function (a) { return a.weak; }); });
    all.strong = weak ? withWords(list.map(function (concept, c) {
      return { alts: masksOf(concept.alts.filter(function (a) { return !a.weak; })), prefix: all[c].prefix };
    })) : null;
    return all;
  }

  function overlaps(bits, at, m) {
    for (var b = 0; b < m.length; b++) if (bits[at + b] & m[b]) return true;
    return false;
  }

  /* Which of the query's concepts a section contains, as bits (called for every match, so plain loops). */
  function conceptsMet(bits, at, masks) {
    var met = 0;
    if (masks.words) {
      var word = bits[at], words = masks.words;
      for (var k = 0; k < words.length && k < 31; k++) {
        var w = words[k], hit = (word & w.prefix) !== 0;
        for (var j = 0; j < w.alts.length && !hit; j++) hit = ((word & w.alts[j]) >>> 0) === w.alts[j];
        if (hit) met |= 1 << k;
      }
      return met;
    }
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

  // met, then exact, then about, packed in one number (each is at most 31) so the sort,
  // which compares every page that matched, reads one field where it read three.
  function keyOf(met, exact, about) { return met * 1024 + exact * 32 + about; }
  function byRank(a, b) { return b.key - a.key || b.score - a.score || a.page - b.page; }
  function bySection(a, b) { return b.met - a.met || b.score - a.score || a.doc - b.doc; }

  /* The results of an understood query, best first: [{page, doc, met, exact, about, score, sections}]:
     pages with the most of the query's concepts first; of those, the ones with more of them as
     typed (not only as related words or close spellings, so these never put a page above one
     with the words themselves); then what the page is about; then the score of its best section.
     options: {lunrWindow, prefixBoost, timings}; timings (if given) gains where the time went. */
  function rank(understood, options) {
    var list = understood.concepts, timings = options.timings || {};
    var terms = termsOfConcepts(list);
    if (!terms.length) return [];
    var t0 = now();
    var clauses = clausesOf(list, options.prefixBoost);
    var found = matchAll(terms, queryVector(clauses, terms));
    var masks = conceptMasks(list, terms, found.stride);
    var w = space, touched = [], score = found.score, pageOf = ix.pageOf, firstSection = ix.firstSection;
    for (var i = 0; i < found.hit.length; i++) {
      var doc = found.hit[i], met = conceptsMet(found.bits, doc * found.stride, masks);
      if (!met) continue;
      var page = pageOf[doc], count = bitCount(met), best = w.pageBest[page];
      if (best < 0) touched.push(page);
      w.pageBits[page] |= met;
      w.pageExact[page] |= masks.strong ? conceptsMet(found.bits, doc * found.stride, masks.strong) : met;
      // What the page is about is indexed with its first section only.
      if (doc === firstSection[page]) w.pageAbout[page] = conceptsMet(found.about, doc * found.stride, masks);
      if (best < 0 || count > w.pageBestMet[page] || (count === w.pageBestMet[page] &&
          (score[doc] > score[best] || (score[doc] === score[best] && doc < best)))) {
        w.pageBest[page] = doc;
        w.pageBestMet[page] = count;
      }
    }
    var results = touched.map(function (p) {
      var d = w.pageBest[p], met = bitCount(w.pageBits[p]), exact = bitCount(w.pageExact[p]);
      var about = bitCount(w.pageAbout[p]);
      return { page: p, doc: d, met: met, exact: exact, about: about, key: keyOf(met, exact, about), score: score[d] };
    });
    results.sort(byRank);
    var t1 = now();
    var first = results.slice(0, options.lunrWindow);
    var index = lunrIndexFor(terms, first.map(function (r) { return r.doc; }));
    var t2 = now();
    var scored = runLunr(index, clauses);
    var t3 = now();
    var lunrScore = {};
    scored.forEach(function (s) { lunrScore[s.ref] = s.score; });
    first.forEach(function (r) { r.score = lunrScore[r.doc] || 0; });
    first.sort(byRank);
    results = first.concat(results.slice(first.length));
    // The best sections of the pages people see first, from the sections of each that
    // matched; further down the list, a page shows its best section.
    for (var n = 0; n < results.length && n < options.lunrWindow; n++) results[n].sections = sectionsOf(results[n].page, found, masks);
    clearSpace(found.hit, touched);
    timings.rank = (timings.rank || 0) + t1 - t0 + (now() - t3);
    timings.slice = (timings.slice || 0) + t2 - t1;
    timings.lunr = (timings.lunr || 0) + t3 - t2;
    timings.terms = (timings.terms || 0) + terms.length;
    return results;
  }

  function now() { return typeof performance === "object" ? performance.now() : Date.now(); }

  /* A page's sections that have any of the query's concepts in their own heading and
     text, best first by those alone: what is indexed with the first section about the
     whole page says what the page is about, not which part of it answers. */
  function sectionsOf(page, found, masks) {
    var out = [];
    for (var doc = ix.firstSection[page]; doc < ix.firstSection[page + 1]; doc++) {
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
    var fields = ix.manifest.fields, inverted = {}, vectors = {};
    var wanted = new Uint8Array(ix.manifest.sections);
    for (var d = 0; d < docs.length; d++) wanted[docs[d]] = 1;
    terms.forEach(function (term) {
      var e = ix.entry(term), posting = { _index: e.pos };
      fields.forEach(function (f) { posting[f] = {}; });
      ix.eachPosting(e.row, function (f, doc, weight) {
        if (!wanted[doc]) return;
        posting[fields[f]][doc] = {};
        var ref = fields[f] + "/" + doc;
        (vectors[ref] || (vectors[ref] = new lunr.Vector())).insert(e.pos, weight / 1000);
      });
      inverted[term] = posting;
    });
    if (!queryPipeline) queryPipeline = lunr.Pipeline.load(["stemmer"]);
    return new lunr.Index({
      invertedIndex: inverted, fieldVectors: vectors, tokenSet: tokenSetOf(terms), fields: fields,
      pipeline: queryPipeline
    });
  }

  /* lunr.TokenSet of the query's terms, kept for the last few sets of terms: building one
     is most of what a lunr.Index costs, and people refine a search a word at a time. */
  var tokenSets = new Map();
  function tokenSetOf(terms) {
    var key = terms.join(" "), set = tokenSets.get(key);
    if (!set) {
      if (tokenSets.size >= 64) tokenSets.delete(tokenSets.keys().next().value);
      tokenSets.set(key, set = lunr.TokenSet.fromArray(terms));
    }
    return set;
  }

  function runLunr(index, clauses) {
    return index.query(function (query) {
      clauses.forEach(function (c) {
        query.term(c[0], c[2] ? { usePipeline: false, boost: c[1], wildcard: lunr.Query.wildcard.TRAILING }
                              : { usePipeline: false, boost: c[1] });
      });
    });
  }

  return { rank: rank };
});
