/* Words and terms: the browser's half of the one tokenizer.
 *
 * The same rules as search/words.py (picking words out of text), search/spelling.py
 * (American spellings folded to British) and lunr's stop-word filter and stemmer,
 * which the indexer runs in Python (search/stemmer.py makes lunr.py stem as lunr.js
 * does). tests/test_search_terms.py runs this file in Node over every word of the
 * content and the whole British English word list and requires the indexer's terms.
 *
 * In the browser it is the first part of assets/search/hub-search.js and sets
 * window.hubTerms; in Node, require() returns the same factory.
 */
(function (factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else window.hubTerms = factory(window.lunr);
})(function (lunr) {
  "use strict";

  var COMPOUND = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*(?:[-&][\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*)*/gu;
  var IZE = /^([\p{L}\p{N}]{3,}[iy])z(e|es|ed|ing|er|ers|ation|ations|ational|able)$/u;
  var DIGITS = /^[0-9]+$/;
  var SUFFIXES = ["", "s", "es", "al", "ally", "ed", "ing", "er", "ers", "ist", "ists", "ism"];

  function clean(text) {
    return text.normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/[\u2010\u2011]/g, "-").toLowerCase();
  }

  function bmp(word) { return !/[\uD800-\uDFFF]/.test(word); }

  /* Each word of text: {parts: ["co", "production"], joined: "coproduction"}, or
     {parts: ["care"], joined: null}. A word joined by hyphens or ampersands ("A&E")
     also gives its parts joined up, so every way of writing it finds the others.
     Groups of digits with single spaces between them ("03000 616161") are one too. */
  function compounds(text) {
    var out = [], runEnd = -1;
    var cleaned = clean(text);
    cleaned.replace(COMPOUND, function (match, at) {
      if (DIGITS.test(match)) {
        if (at === runEnd + 1 && cleaned.charAt(runEnd) === " ") {
          var last = out[out.length - 1];
          last.parts.push(match);
          last.joined = last.parts.join("");
        } else {
          out.push({ parts: [match], joined: null });
        }
        runEnd = at + match.length;
        return match;
      }
      runEnd = -1;
      var parts = match.split(/[-&]/).filter(bmp);
      if (parts.length) out.push({ parts: parts, joined: parts.length > 1 ? parts.join("") : null });
      return match;
    });
    return out;
  }

  /* Possessives to their word, then American -> British: the -ize rules, then the longest
     listed word the word starts with, followed by one of SUFFIXES. */
  function makeSpeller(spellings) {
    var ordered = Object.keys(spellings).sort(function (a, b) {
      return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
    });
    return function (word) {
      // A possessive is its word: "England's" finds "England" (as search/spelling.py).
      if (word.length > 4 && word.slice(-2) === "'s") word = word.slice(0, -2);
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

  /* The indexer's pipeline: lunr's stop-word filter, the spelling fold, lunr's stemmer.
     termOf(word) is the index term for one word, or null for a stop word. */
  function makeTerms(spellings) {
    var fold = makeSpeller(spellings);
    var spelling = function (token) { return token.update(function (s) { return fold(s); }); };
    lunr.Pipeline.registerFunction(spelling, "hubSpelling");
    var pipeline = new lunr.Pipeline();
    pipeline.add(lunr.stopWordFilter, spelling, lunr.stemmer);
    var seen = new Map(); // pages and queries meet the same words again and again
    function termOf(word) {
      var term = seen.get(word);
      if (term === undefined) {
        var out = pipeline.run([new lunr.Token(word, {})]);
        term = out.length ? out[0].toString() : null;
        seen.set(word, term);
      }
      return term;
    }
    /* Every term text gives, in the order the indexer adds them: each part, then the joined form. */
    function termsOf(text) {
      var out = [];
      compounds(text).forEach(function (c) {
        c.parts.concat(c.joined ? [c.joined] : []).forEach(function (w) {
          var t = termOf(w);
          if (t) out.push(t);
        });
      });
      return out;
    }
    return { fold: fold, termOf: termOf, termsOf: termsOf };
  }

  return { COMPOUND: COMPOUND, compounds: compounds, makeTerms: makeTerms };
});
