// pa11y (HTML_CodeSniffer and axe runners, WCAG2AA) on a list of pages, in Debian's Chromium.
// Run by bench/pa11y_site.py, which builds and serves the site; pa11y is not a project
// dependency, so NODE_PATH points at wherever it was installed.
//   node bench/pa11y.js urls.txt report.json 1280
"use strict";
const fs = require("fs");
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

// Chromium's path and flags come from hub/checks/a11y.py (HUB_CHROMIUM and a JSON list), as every browser the hub starts.
const [urlFile, reportFile, width, chromiumArgs] = process.argv.slice(2);
const RUNNERS = ["htmlcs", "axe"];
// The search page is tested with its results shown, not just its empty form.
const RESULTS = "wait for element #search-results li to be visible";

(async () => {
  const urls = fs.readFileSync(urlFile, "utf8").trim().split("\n");
  const browser = await puppeteer.launch({
    executablePath: process.env.HUB_CHROMIUM, headless: true, args: JSON.parse(chromiumArgs)});
  const errors = [];
  for (const runner of RUNNERS) {
    for (const url of urls) {
      const options = {browser, runners: [runner], standard: "WCAG2AA", timeout: 60000,
                       viewport: {width: Number(width), height: 900}, actions: url.includes("?q=") ? [RESULTS] : []};
      try {
        for (const issue of (await pa11y(url, options)).issues) {
          if (issue.type === "error") {
            errors.push({runner, url, code: issue.code, message: issue.message, selector: issue.selector,
                         context: issue.context});
          }
        }
      } catch (e) {
        errors.push({runner, url, code: "pa11y-failed", message: String(e)});
      }
    }
  }
  await browser.close();
  fs.writeFileSync(reportFile, JSON.stringify(errors, null, 1));
})();
