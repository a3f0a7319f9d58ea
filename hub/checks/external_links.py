"""Links to other websites, checked on a schedule (never in a pull request).

A remote host being slow or down for a minute says nothing about a pull
request, so this runs weekly from .github/workflows/external-links.yml:
LinkChecker crawls the built site with external checking on, then every
failing address is tried again (with a pause) before it is reported. Only
addresses that fail every try are listed, each against the page that links to it.

    python -m hub.checks.external_links site/      # a built site folder
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hub import config as hub_config
from hub.checks import links
from hub.checks.loopback import Loopback, site_prefix
from hub.content import load_site
from hub.findings import ERROR, Finding, relpath, report

CHECK = "external-links"


def failing(rows: list[dict], base: str) -> dict[str, list[dict]]:
    """External addresses that failed: url -> the rows (pages) that link to it."""
    out: dict[str, list[dict]] = {}
    for row in rows:
        url = row.get("url") or row.get("urlname") or ""
        if row.get("valid") == "False" and url.startswith(("http://", "https://")) and not url.startswith(base):
            out.setdefault(url, []).append(row)
    return out


def still_failing(urls: list[str], tries: int, pause: float) -> set[str]:
    """Try each address again, up to `tries` times, pausing between rounds; return those that never worked."""
    remaining = set(urls)
    for _ in range(tries):
        if not remaining:
            break
        time.sleep(pause)
        rows = links.crawl(sorted(remaining), external=True, recursion=0)
        remaining = {r.get("url") or r.get("urlname") for r in rows if r.get("valid") == "False"} & remaining
    return remaining


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", type=Path, help="the built site folder")
    ap.add_argument("--config", default=None, help="path to mkdocs.yml")
    ap.add_argument("--retries", type=int, default=2, help="extra tries for each failing address")
    ap.add_argument("--pause", type=float, default=60, help="seconds to wait before each retry")
    args = ap.parse_args(argv)

    config = hub_config.load(args.config)
    site = load_site(config.content_dir, config.root)
    with Loopback(args.site, site_prefix(config)) as base:
        rows = links.crawl([base + p.url for p in site.pages] or [base], intern=base, external=True)
        broken = failing(rows, base)
    dead = still_failing(sorted(broken), args.retries, args.pause)

    findings = []
    for url in sorted(dead):
        for row in broken[url]:
            page = links.page_for_url(site, (row.get("parentname") or "")[len(base):])
            where = relpath(page.source, config.root) if page else "theme"
            line = links.line_containing(page, url, row.get("urlname", ""), default=0) if page else 0
            findings.append(Finding(where, line, f"the link to {url} failed {args.retries + 1} times "
                                                 f"({row.get('result', '').strip()})",
                                    "check the address in a browser; update it, or link to an archived copy",
                                    ERROR, CHECK))
    report(findings)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
