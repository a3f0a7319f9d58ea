/* Query understanding: from what someone typed to the concepts search looks for.
 *
 * A concept is one thing the query asks for: a word, a hyphenated word, two words the
 * index has joined ("co production"), or a phrase from a synonym group ("FFT" and
 * "Friends and Family Test"). Each concept has alternatives, each a list of terms that
 * must all be in a section for it to count, with a boost for scoring (BOOST).
 *
 * Then, for the words the pages do not have, or hardly have (alternatives found this way
 * are "weak": a page that has the words as typed ranks above one that has only these):
 * - a word WordNet knows ("rude", "nurses") is a word spelt right that the site does not
 *   use: it is never "corrected"; it gains the site's terms for related words instead
 *   (the build's table from WordNet 3.1), weighted below synonyms;
 * - any other word is compared with the words the pages use (typos): a word no section
 *   has is replaced by its best close word and "Did you mean" offers the corrected query.
 * The last word, as typed so far, also matches as a prefix, hyphenated or not ("self-ass").
 *
 * It reads the index through hub-index.js and never touches the page, so it runs in Node
 * (tests/test_search_client.py). In the browser it sets window.hubParts.query.
 */
(function (part) {
  if (typeof module === "object" && module.exports) module.exports = part;
  else (window.hubParts = window.hubParts || {}).query = part;
})(function (ix, hubTerms, T) {
  "use strict";

  var FEW = 3; // a word in fewer sections than this is checked for typos
  var MAX_CORRECTIONS = 3; // close words tried for a misspelt word
  var LONGEST_WORD = 30; // longer "words" are not words anyone misspelt: no spelling pass
  var MIN_PREFIX = 3; // the last word counts as a prefix from this many letters
  // What each kind of alternative counts for, against the words as typed.
  var BOOST = { word: 1, joined: 1, form: 0.9, synonym: 0.7, prefix: 0.5, fuzzy: 0.4, related: 0.3 };

  /* One word of the query (or a hyphenated word, or a phone number) with its terms. */
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

  // Contractions, with or without the apostrophe, carry no more than lunr's stop words do
  // ("didn't", "whats", "im"): a query leaves them out, rather than "correct" them to words
  // the pages use ("whats" to "chats"). Only the query does: the pages' words are all indexed.
  var CONTRACTIONS = new Set(("aint arent cant couldnt didnt doesnt dont hadnt hasnt havent hes im isnt ive lets " +
    "shes shouldnt thats theres theyd theyll theyre theyve wasnt weve werent whats whos wont wouldnt youd youll " +
    "youre youve").split(" "));
  var ONLY_WITH_APOSTROPHE = new Set(["ill", "id", "well", "were", "wed"]); // "ill" is also a word

  function contraction(word) {
    var bare = word.replace(/'/g, "");
    return CONTRACTIONS.has(bare) || (bare !== word && ONLY_WITH_APOSTROPHE.has(bare));
  }

  function unitsOf(q) {
    return hubTerms.compounds(q).filter(function (c) { return c.joined || !contraction(c.parts[0]); })
      .map(function (c) { return unitFor(c.parts, c.joined); })
      .filter(function (u) { return u.alts.length; });
  }

  /* Synonym phrases by their first term, so a word is only compared with the phrases
     that could start with it, not with every group on every query. */
  var phrasesByFirst = null;
  function phrasesStartingWith(term) {
    if (!phrasesByFirst) {
      phrasesByFirst = new Map();
      ix.manifest.synonyms.forEach(function (group, g) {
        // Of the group's phrases, the ones the pages have: the only ones worth looking up.
        var found = group.filter(function (_, n) { return ix.manifest.synonymsFound[g] & (1 << n); });
        group.forEach(function (phrase) {
          if (!phrasesByFirst.has(phrase[0])) phrasesByFirst.set(phrase[0], []);
          phrasesByFirst.get(phrase[0]).push({ group: found, phrase: phrase });
        });
      });
    }
    return phrasesByFirst.get(term) || [];
  }

  /* A word the synonym table lists ("PALS") is a word people mean, not a typo. */
  function inSynonyms(u) {
    return phrasesStartingWith(u.key).some(function (f) { return f.phrase.length === 1; });
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
      if (pair && ix.exists(pair)) { // "co production" finds "coproduction"
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
    return terms.filter(Boolean).map(ix.shardOf);
  }

  /* The last word as typed so far, as a prefix of the index's terms ("" if too short).
     A hyphenated word counts by its joined form, as the index holds it: "self-ass" is a
     prefix of "selfassess", and "co-des" of "codesign". */
  function prefixOf(unit) {
    var written = T.fold(unit.written);
    return written.length >= MIN_PREFIX ? written : "";
  }

  function present(u) { return u.alts.some(function (a) { return a.terms.every(ix.exists); }); }

  /* The query, understood: its concepts, the words it corrected and what to highlight. */
  function understand(q) {
    var units = unitsOf(q);
    if (!units.length) return Promise.resolve(null);
    var last = units[units.length - 1];
    var prefix = prefixOf(last);
    return ix.loadShards(shardsFor(units).concat(prefix ? ix.prefixShards(prefix) : [])).then(function () {
      var doubtful = units.map(function (u, i) {
        if (/[0-9]/.test(u.written) || u.written.length < 4 || u.written.length > LONGEST_WORD || inSynonyms(u)) return null;
        var missing = !present(u);
        // A last word still being typed is found by its prefix, not corrected.
        if (missing && i === units.length - 1 && prefix && ix.prefixTerms(prefix).length) return null;
        var count = missing ? 0 : Math.min.apply(null, u.alts[0].terms.map(function (t) { return ix.sectionCount(t, FEW); }));
        return count < FEW ? { unit: u, missing: missing } : null;
      }).filter(Boolean);
      if (!doubtful.length) return finish(q, units, [], prefix);
      var files = {};
      doubtful.forEach(function (d) {
        ix.wordFiles(d.unit.written).forEach(function (f) { files[f] = true; });
        if (d.missing) files[ix.relatedFile(d.unit.key)] = true;
      });
      return Promise.all(Object.keys(files).map(function (f) { return ix.load(f).catch(function () { return null; }); }))
        .then(function () {
          var fixes = corrections(doubtful);
          var fixed = units.map(function (u) { return fixedUnit(u, fixes); });
          var lastFix = fixes.filter(function (f) { return f.unit === last; })[0];
          return ix.loadShards(shardsFor(fixed)).then(function () {
            return finish(q, fixed, fixes, lastFix && lastFix.replace ? "" : prefix);
          });
        });
    });
  }

  /* For each doubtful word: a word spelt right that the site does not use gains its related
     words; otherwise its close words are tried, replacing it if no section has it. */
  function corrections(doubtful) {
    var fixes = [];
    doubtful.forEach(function (d) {
      var related = d.missing ? ix.related(d.unit.key) : null;
      if (related) {
        fixes.push({ unit: d.unit, related: related, close: [], replace: false, suggest: null });
        return;
      }
      var close = ix.closeWords(d.unit.written).slice(0, MAX_CORRECTIONS);
      if (!close.length) return;
      // Only a word no page has, which the table says is no word (without the table, offline
      // say, it may be one), is replaced; a word the pages use, however rarely, only gains them.
      var replace = d.missing && related !== undefined;
      fixes.push({ unit: d.unit, close: close, replace: replace, suggest: replace ? close[0].word : null });
    });
    return fixes;
  }

  function fixedUnit(u, fixes) {
    var fix = fixes.filter(function (f) { return f.unit === u; })[0];
    if (!fix) return u;
    if (fix.related) {
      // Weight 2 is the same word in another form ("staffed": staff); the rest are related words.
      var alts = fix.related.map(function (r) {
        return r[1] >= 2 ? { terms: r[0], boost: BOOST.form } : { terms: r[0], boost: BOOST.related * r[1], weak: true };
      });
      return { text: u.text, written: u.written, parts: u.parts, key: u.key, alts: u.alts.concat(alts), fix: fix };
    }
    var best = unitFor([fix.close[0].word], null);
    var others = fix.close.slice(1).map(function (w) { return { terms: [T.termOf(w.word)], boost: BOOST.fuzzy, weak: true }; });
    if (fix.replace) {
      return { text: best.text, written: best.written, parts: best.parts, key: best.key,
        alts: best.alts.concat(others), fix: fix };
    }
    var fuzzy = best.alts.map(function (a) { return { terms: a.terms, boost: BOOST.fuzzy, weak: true }; });
    return { text: u.text, written: u.written, parts: u.parts, key: u.key, alts: u.alts.concat(fuzzy, others), fix: fix };
  }

  function finish(q, units, fixes, prefix) {
    var list = conceptsOf(units);
    var found = prefix ? ix.prefixTerms(prefix) : [];
    if (found.length) {
      var set = {};
      found.forEach(function (t) { set[t] = true; });
      list[list.length - 1].prefix = prefix;
      list[list.length - 1].prefixSet = set;
    }
    // Only the words asked for are marked in results, with their stems and corrections,
    // never their synonyms or related words: "carers" marks "carer" and "carer's", not "family".
    var highlight = {};
    units.forEach(function (u) {
      u.alts.forEach(function (a) {
        if (a.boost === BOOST.word || a.boost === BOOST.joined) a.terms.forEach(function (t) { highlight[t] = true; });
      });
      if (u.fix && u.fix.suggest) highlight[T.termOf(u.fix.suggest)] = true;
    });
    var last = units[units.length - 1];
    if (found.length && !present(last)) found.forEach(function (t) { highlight[t] = true; });
    return { concepts: list, highlight: highlight, suggestion: didYouMean(q, fixes) };
  }

  /* "Did you mean": the query as typed, with each misspelt word replaced. */
  function didYouMean(q, fixes) {
    var suggestion = null;
    fixes.forEach(function (f) {
      if (!f.suggest) return;
      var typed = new RegExp("(^|[^\\p{L}\\p{N}])" + f.unit.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") +
                             "(?![\\p{L}\\p{N}])", "iu");
      suggestion = (suggestion || q).replace(typed, function (_, before) { return before + f.suggest; });
    });
    return suggestion;
  }

  return { understand: understand, BOOST: BOOST, unitsOf: unitsOf };
});
