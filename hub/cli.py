"""The command line: build, check, serve, new and review. `python build.py --help` lists them."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hub import config as hub_config
from hub import engines
from hub.findings import is_failure, report

DESCRIPTION = """\
Build, check and preview the Experience of Care knowledge hub.

Pages are Markdown files with front matter in content/ (see CONTRIBUTING.md).
Common tasks:
  python build.py new guide "Using feedback"   start a new page
  python build.py serve                        preview at http://127.0.0.1:8000
  python build.py check                        list every problem, with how to fix it
  python build.py build                        write the site to site/
  python build.py review                       list pages by the date they are due for review
  python build.py changes --base main          what a change means for readers
"""


def _engine_arg(p):
    p.add_argument("--engine", choices=engines.ENGINES, default=engines.DEFAULT,
                   help="which generator renders the site (default: %(default)s)")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="build.py", description=DESCRIPTION,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=None, help="path to mkdocs.yml (default: the one beside build.py)")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="write the whole static site to site/",
                       description="Validate the content, render the site into a temporary folder, check it, "
                                   "and only then replace the output folder. A failed build leaves the last good site in place.")
    _engine_arg(b)
    b.add_argument("--out", default="site", help="folder to write the site to (default: %(default)s)")
    b.add_argument("--offline", action="store_true",
                   help="make a copy that works opened from disk (file://), with search, and no server")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")

    c = sub.add_parser("check", help="check all content and the built site, and list every problem",
                       description="Check every page and print each problem as 'path:line: message — how to fix'. "
                                   "Exits non-zero on any error; warnings fail only with --strict. Does not change site/.")
    _engine_arg(c)
    c.add_argument("--strict", action="store_true", help="treat warnings (such as an overdue review) as errors")
    c.add_argument("--a11y", action="store_true",
                   help="also test every page with axe-core and the keyboard in headless Chromium")

    s = sub.add_parser("serve", help="preview the site with live reload",
                       description="Serve the site at http://127.0.0.1:8000 and rebuild when a file changes.")
    _engine_arg(s)
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default: %(default)s)")

    n = sub.add_parser("new", help="start a new page with complete front matter",
                       description="Create content/<folder>/<title-as-file-name>.md with every front matter key "
                                   "and a body skeleton, and print its path. Replace each REPLACE placeholder, then run check.")
    n.add_argument("type", choices=["guide", "principle", "commitment", "contact", "news"], help="the kind of page")
    n.add_argument("title", help="the page title, in quotes")

    r = sub.add_parser("review", help="list every page by the date it is due for review",
                       description="List every page by its next_review date, soonest first, marking pages that are "
                                   "overdue or due soon. A report: it exits 0 whatever it finds.")
    r.add_argument("--markdown", action="store_true",
                   help="print a Markdown table for a GitHub issue instead of a plain-text table")
    r.add_argument("--days", type=_days, default=None,
                   help="how many days ahead counts as due soon (default: extra.hub.review.due_soon_days "
                        "in mkdocs.yml, or 60)")
    r.add_argument("--due", action="store_true",
                   help="list only pages that are overdue, due soon, or have no readable review date")
    r.add_argument("--owner", default=None, metavar="OWNER",
                   help="list only the pages of one owner (its name in content/_data/owners.yml)")

    sub.add_parser("codeowners", help="write .github/CODEOWNERS from the pages' owners",
                   description="Write .github/CODEOWNERS: each page to its owner's GitHub account "
                               "(content/_data/owners.yml), everything else to the maintainers. "
                               "check fails when the file is out of date.")

    ch = sub.add_parser("changes", help="say what a change means for readers, compared with another commit",
                        description="Compare the site as it is with the site at REF (a commit, branch or tag) and "
                                    "print a Markdown report: pages added, changed, moved, withdrawn or removed, "
                                    "address changes, and the findings. CI writes it to the pull request's summary.")
    ch.add_argument("--base", required=True, metavar="REF", help="the git commit, branch or tag to compare with")
    return ap


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    cfg = hub_config.load(args.config)

    if args.command == "new":
        from hub.content.scaffold import create

        try:
            path = create(args.type, args.title, cfg.content_dir)
        except (FileExistsError, ValueError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
        return 0

    if args.command == "review":
        return _review(cfg, args)

    if args.command == "codeowners":
        from hub import codeowners
        from hub.content import load_site

        site = load_site(cfg.content_dir, cfg.root)
        if site.owners.findings:
            report(site.owners.findings)
            return 1
        changed = codeowners.write(site, cfg)
        print(f"{'Wrote' if changed else 'Already up to date:'} {codeowners.PATH}")
        return 0

    if args.command == "changes":
        from hub import changes

        try:
            print(changes.report(cfg, args.base), end="")
        except changes.BaseError as e:
            print(f"error: cannot read {args.base}: {e}", file=sys.stderr)
            return 1
        return 0

    if args.command == "serve":
        from hub import serve

        serve.serve(cfg, args.engine, args.host, args.port)
        return 0

    from hub import pipeline

    if args.command == "build":
        out = Path(args.out)
        findings = pipeline.build(cfg, engine=args.engine, out=out, offline=args.offline, strict=args.strict,
                                  record_addresses=True)
        report(findings, strict=args.strict)
        if is_failure(findings, args.strict):
            kept = f"; the previous site in {out}/ was left as it was" if out.exists() else ""
            print(f"Build failed{kept}.", file=sys.stderr)
            return 1
        print(f"Built the site with {args.engine} into {out}/")
        return 0

    # check: build into a temporary folder that is thrown away
    findings = pipeline.build(cfg, engine=args.engine, out=cfg.root / "site", strict=args.strict,
                              a11y=args.a11y, publish=False)
    report(findings, strict=args.strict)
    return 1 if is_failure(findings, args.strict) else 0


def _review(cfg, args) -> int:
    from hub.config import ConfigError
    from hub.content import load_site, review
    from hub.content.model import today

    try:
        days = args.days if args.days is not None else cfg.due_soon_days
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    day = today()
    site = load_site(cfg.content_dir, cfg.root)
    rows = review.rows(site, day, days, repo=cfg.root)
    if args.owner is not None:
        if site.owners.get(args.owner) is None:
            print(f"error: there is no owner '{args.owner}' — {site.owners.suggestion(args.owner)}", file=sys.stderr)
            return 1
        rows = review.owned_by(rows, args.owner)
    if args.due:
        rows = review.due(rows)
    print(review.as_markdown(rows, day, days) if args.markdown else review.as_text(rows, day, days))
    return 0
