/* Suggestions as people type: which page titles and search phrases match what is in the box.
 *
 * The build files every suggestion under the first two letters of each of its words
 * (search/suggestions.py); index/suggest.js lists the files. For "complain ab" this
 * loads the file for "co" and keeps the suggestions that have a word starting with each
 * word typed ("complain" and "ab": "Complain about NHS care"); the last word is still
 * being typed, so it only has to start a word. Stop words typed ("how do I") need not
 * match. Best first: more words matched, the text starting as typed, whole words over
 * beginnings of words, then the order the build gave (its weight, then shorter first).
 *
 * It never touches the page: it loads files through `files`, the loader hub-files.js makes (as
 * hub-index.js does), so it runs in Node (tests/test_search_client.py). In the browser it sets
 * window.hubParts.suggest.
 */
(function (part) {
  if (typeof module === "object" && module.exports) module.exports = part;
  else (window.hubParts = window.hubParts || {}).suggest = part;
})(function (hubTerms, files) {
  "use strict";

  var FORMAT = 4; // index/suggest.js's version this client reads (search/README.md)
  var KEY_LETTERS = 2;
  var SHOWN = 8; // suggestions offered at once

  var M = null, stop = null, split = {};

  function load(name) {
    return files.load(name, name === "suggest" ? "suggest.js" : M.base + name + ".js");
  }

  function start() {
    if (M) return Promise.resolve(M);
    return load("suggest").then(function (manifest) {
      if (manifest.version !== FORMAT) throw new Error("suggestions are format " + manifest.version + ", not " + FORMAT);
      M = manifest;
      stop = new Set(M.stop.split(" "));
      return M;
    });
  }

  /* A piece of text as words: each word, and a hyphenated word's parts and joined form. */
  function wordsOf(text) {
    var out = [];
    hubTerms.compounds(text).forEach(function (c) {
      out.push(c.joined || c.parts[0]);
      if (c.joined) out.push.apply(out, c.parts);
    });
    return out;
  }

  /* What was typed, as words to match: each with whether it is a stop word, the last one a prefix. */
  function typedWords(q) {
    return hubTerms.compounds(q).map(function (c, i, all) {
      var word = c.joined || c.parts[0];
      return { word: word, stop: stop.has(word), last: i === all.length - 1 };
    });
  }

  /* The file to read: the first whole word typed that is not a stop word, or the last word. */
  function fileFor(typed) {
    var chosen = typed.filter(function (t) { return !t.last && !t.stop && t.word.length >= KEY_LETTERS; })[0] ||
      typed[typed.length - 1];
    if (!chosen || chosen.word.length < KEY_LETTERS) return null;
    var n = M.keys.indexOf(chosen.word.slice(0, KEY_LETTERS));
    return n < 0 ? null : "s" + n;
  }

  /* How well one of an entry's words matches a typed word: 2 the same word (or its plural or
     possessive), 1 the beginning of it, 0 neither. */
  function wordMatch(typed, word, prefixOnly) {
    if (word === typed) return 2;
    if (word.lastIndexOf(typed, 0) === 0) return prefixOnly ? 2 : 1;
    var longer = typed.length > word.length ? typed : word, shorter = longer === typed ? word : typed;
    var rest = longer.slice(shorter.length);
    return !prefixOnly && longer.lastIndexOf(shorter, 0) === 0 && (rest === "s" || rest === "es" || rest === "'s") ? 2 : 0;
  }

  /* An entry's score for what was typed, or -1 if it does not match every word that counts. */
  function score(entry, typed, q) {
    var total = 0;
    for (var i = 0; i < typed.length; i++) {
      var t = typed[i], best = 0;
      for (var j = 0; j < entry.words.length && best < 2; j++) {
        best = Math.max(best, wordMatch(t.word, entry.words[j], t.last && entry.words[j].length > t.word.length));
      }
      // A stop word, or a last word of one letter, may be left unmatched.
      if (!best && !(t.stop || (t.last && t.word.length < KEY_LETTERS))) return -1;
      total += best * (t.stop ? 1 : 10);
    }
    if (entry.folded.lastIndexOf(q, 0) === 0) total += 15; // the text starts as typed
    return total;
  }

  /* A file's suggestions, each with its words, worked out once. */
  function entriesOf(name) {
    if (!split[name]) {
      split[name] = files.loaded(name).map(function (e, order) {
        return { text: e[0], url: e[1], words: wordsOf(e[0]), folded: hubTerms.compounds(e[0]).map(function (c) {
          return c.parts.join(" "); }).join(" "), order: order };
      });
    }
    return split[name];
  }

  /* The suggestions for what is in the box, best first: [{text, url}] (url "" for a phrase to search for). */
  function suggest(q) {
    return start().then(function () {
      var typed = typedWords(q), name = typed.length ? fileFor(typed) : null;
      if (!name) return [];
      var folded = typed.map(function (t) { return t.word; }).join(" ");
      return load(name).then(function () {
        var scored = [];
        entriesOf(name).forEach(function (e) {
          var s = score(e, typed, folded);
          if (s >= 0) scored.push({ entry: e, score: s });
        });
        scored.sort(function (a, b) { return b.score - a.score || a.entry.order - b.entry.order; });
        return scored.slice(0, SHOWN).map(function (s) { return { text: s.entry.text, url: s.entry.url }; });
      });
    });
  }

  return { add: files.add, start: start, suggest: suggest, FORMAT: FORMAT };
});
