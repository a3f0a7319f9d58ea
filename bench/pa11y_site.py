"""pa11y's errors on every page of each edition: a second opinion beside `check --a11y`.

    mkdir -p /tmp/pa11y && (cd /tmp/pa11y && PUPPETEER_SKIP_DOWNLOAD=1 npm install pa11y@9)
    .venv/bin/python bench/pa11y_site.py --pa11y /tmp/pa11y/node_modules

pa11y is not a project dependency (the project's own gates are axe-core and the Nu HTML
checker, in `check --a11y`), so it is installed outside the repository and named here.
Each edition is built into a temporary folder and served on loopback under its real path
(site_url's, such as /hub/); every page is tested, and the search page with a query and its
results shown, with pa11y's HTML_CodeSniffer and axe runners (WCAG2AA) at each width.
Prints the error count per edition, width and runner, and each error; exits 1 if there are any.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hub import config as hub_config, pipeline  # noqa: E402
from hub.checks.a11y import CHROMIUM, CHROMIUM_ARGS, built_urls  # noqa: E402
from hub.checks.loopback import Loopback, site_prefix  # noqa: E402
from hub.findings import ERROR  # noqa: E402

SEARCH_WITH_QUERY = "search/?q=carers"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pa11y", type=Path, default=Path("/tmp/pa11y/node_modules"),
                    help="the node_modules folder pa11y 9 is installed in (default: %(default)s)")
    ap.add_argument("--engine", action="append", choices=["mkdocs", "pelican"], help="default: both")
    ap.add_argument("--width", action="append", type=int, help="viewport widths (default: 1280 and 375)")
    args = ap.parse_args()
    if not (args.pa11y / "pa11y").is_dir():
        sys.exit(f"pa11y not found in {args.pa11y}: install it as this script's docstring says")
    config = hub_config.load(ROOT / "mkdocs.yml")
    env = dict(os.environ, NODE_PATH=str(args.pa11y.resolve()), HUB_CHROMIUM=CHROMIUM)
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engine or ["mkdocs", "pelican"]:
            site_dir = Path(tmp) / engine
            failed = [f.format() for f in pipeline.build(config, engine=engine, out=site_dir, run_checks=False)
                      if f.severity == ERROR]
            if failed:
                sys.exit(f"the {engine} build failed:\n" + "\n".join(failed))
            with Loopback(site_dir, site_prefix(config)) as base:
                urls = [base + u for u in built_urls(site_dir)] + [base + SEARCH_WITH_QUERY]
                (Path(tmp) / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
                for width in args.width or [1280, 375]:
                    report = Path(tmp) / f"{engine}-{width}.json"
                    subprocess.run(["node", str(ROOT / "bench" / "pa11y.js"), str(Path(tmp) / "urls.txt"),
                                    str(report), str(width), json.dumps(CHROMIUM_ARGS)], env=env, check=True)
                    errors = json.loads(report.read_text(encoding="utf-8"))
                    counts = Counter(e["runner"] for e in errors)
                    print(f"{engine} at {width} px, {len(urls)} pages: "
                          + ", ".join(f"{runner} {counts[runner]} errors" for runner in ("htmlcs", "axe")))
                    for e in errors:
                        print(f"  {e['runner']} {e['code']} on {e['url'].removeprefix(base)}: "
                              f"{e['message']} {e.get('selector') or ''}")
                    total += len(errors)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
