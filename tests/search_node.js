/* The search client's parts in Node, without a browser: hub-terms.js, hub-index.js,
 * hub-query.js and hub-rank.js (and hub-suggest.js) over a built site's index files.
 *
 *   node tests/search_node.js SITE_DIR < {"queries": ["carers", ...]}
 *   node tests/search_node.js SITE_DIR --suggest < {"queries": ["comp", ...]}
 *
 * prints one JSON answer per query: the results as the search page would rank them (page
 * address, title, concepts met, about, score) with the "Did you mean" and the highlighted
 * terms; or the suggestions. Index files are read from disk and run with a stand-in for
 * hubSearch.add, as a <script> element would run them. Used by tests/test_search_client.py.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const ROOT = path.resolve(__dirname, "..");
// The parts to run: search/client/, or HUB_CLIENT_DIR (the tests run them as the site serves them too).
const CLIENT = process.env.HUB_CLIENT_DIR || path.join(ROOT, "search", "client");
const [site, mode] = process.argv.slice(2);
const assets = path.join(site, "assets", "search");

const lunr = require(path.join(ROOT, "node_modules", "lunr"));
const hubTerms = require(path.join(CLIENT, "hub-terms.js"))(lunr);
const files = require(path.join(CLIENT, "hub-files.js"));

/* Loads one index file (relative to the index folder) as the browser would: by running it. */
function fileLoader(folder, add) {
  return function (relative) {
    return new Promise((resolve, reject) => {
      fs.readFile(path.join(folder, relative), "utf8", (err, code) => {
        if (err) return reject(new Error("could not load " + relative));
        vm.runInNewContext(code, { hubSearch: { add }, hubSuggest: { add } });
        resolve();
      });
    });
  };
}

function readInput() {
  return new Promise((resolve) => {
    let input = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => { input += chunk; });
    process.stdin.on("end", () => resolve(JSON.parse(input)));
  });
}

async function searches(queries) {
  let ix = null;
  ix = require(path.join(CLIENT, "hub-index.js"))(lunr, files(fileLoader(path.join(assets, "index"), (n, d) => ix.add(n, d))));
  const manifest = await ix.start();
  const warn = console.warn;
  console.warn = () => {}; // lunr notes that hubSpelling is registered again
  const T = hubTerms.makeTerms(manifest.spellings);
  console.warn = warn;
  const query = require(path.join(CLIENT, "hub-query.js"))(ix, hubTerms, T);
  const ranker = require(path.join(CLIENT, "hub-rank.js"))(ix, lunr);
  const out = [];
  for (const q of queries) {
    const understood = await query.understand(q);
    const results = understood ? ranker.rank(understood, { lunrWindow: 50, prefixBoost: query.BOOST.prefix }) : [];
    await ix.loadDocs(results.slice(0, 10).map((r) => r.page));
    out.push({
      q,
      results: results.slice(0, 10).map((r) => ({
        url: ix.pageDoc(r.page)[0], title: ix.pageDoc(r.page)[1], met: r.met, exact: r.exact, about: r.about,
        score: r.score,
      })),
      count: results.length,
      suggestion: understood ? understood.suggestion : null,
      highlight: understood ? Object.keys(understood.highlight).sort() : [],
      concepts: understood ? understood.concepts.map((c) => ({
        text: c.text, alts: c.alts.map((a) => [a.terms, a.boost]), prefix: c.prefix || null,
      })) : [],
    });
  }
  return out;
}

async function suggestions(queries) {
  let s = null;
  const suggest = require(path.join(CLIENT, "hub-suggest.js"));
  s = suggest(hubTerms, files(fileLoader(path.join(assets, "index"), (n, d) => s.add(n, d))));
  const out = [];
  for (const q of queries) out.push({ q, options: await s.suggest(q) });
  return out;
}

readInput().then((input) => (mode === "--suggest" ? suggestions(input.queries) : searches(input.queries)))
  .then((out) => process.stdout.write(JSON.stringify(out)))
  .catch((e) => { process.stderr.write(String(e && e.stack || e) + "\n"); process.exit(1); });
