"""Links: every internal link, #anchor and linked file resolves.

Two passes. The source pass reads each Markdown link and points at its line:
links to other pages must name the Markdown file (`../guides/x.md#part`), so
they work in every build, including the offline one. The built pass crawls the
rendered site with LinkChecker (anchor checking on) over a loopback server,
which also catches links the templates make, and maps failures back to the
Markdown file of the page they are on.
"""
from __future__ import annotations

import csv
import difflib
import io
import os
import posixpath
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hub.checks import images
from hub.checks.loopback import Loopback, site_prefix
from hub.checks.pages import finding, line_containing, page_for_url
from hub.content.model import url_for
from hub.findings import ERROR, Finding

CHECK = "links"
EXTERNAL = {"http", "https", "mailto", "tel", "ftp"}
LEFT_TO_UNSAFE_CHECK = {"javascript", "data", "vbscript"}


def run(site, config) -> list:
    by_file = {p.source.resolve(): p for p in site.pages}
    out = []
    for page in site.pages:
        for link in page.markdown.links:
            if link.kind != "link":
                continue  # images are the alt-text check's
            for msg, fix in problems(link.target, page, site, by_file):
                out.append(finding(page, config, link.line, msg, fix, CHECK))
    return out


def problems(target: str, page, site, by_file):
    target = target.strip()
    if not target:
        yield "the link has no address", "put the address between the round brackets: [text](../guides/page.md)"
        return
    parts = urlsplit(target)
    scheme = parts.scheme.lower()
    if scheme in EXTERNAL or scheme in LEFT_TO_UNSAFE_CHECK or target.startswith("//"):
        return
    if scheme:
        yield f"'{target}' is not a web address the site can link to", "use https://…, mailto:… or a path to a .md file"
        return
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    linked = page
    if path:
        file = images.resolve(page, path)
        if not images.inside_content(page, file):
            yield (f"the link points to {path}, which is outside the content folder",
                   "link only to pages and files inside content/, or to a full web address (https://…)")
            return
        if path.endswith(".md"):
            linked = by_file.get(file)
            if linked is None:
                yield f"the link points to {path}, but there is no such page", _suggest(path, page, site)
                return
        elif file.is_file():
            return  # a linked document such as a PDF
        else:
            url_target = page_for_url(site, posixpath.normpath(posixpath.join("/" + page.url, path)))
            if url_target is not None:
                rel = posixpath.relpath(url_target.src_path, posixpath.dirname(page.src_path) or ".")
                yield (f"the link '{target}' is a web address, which breaks in the offline copy of the site",
                       f"link to the Markdown file instead: {rel}{'#' + fragment if fragment else ''}")
            else:
                yield f"the link points to {path}, but there is no such page or file", _suggest(path, page, site)
            return
    if fragment and fragment not in linked.markdown.ids:
        known = sorted(linked.markdown.ids)
        guess = difflib.get_close_matches(fragment, known, n=1)
        where = "this page" if linked is page else linked.src_path
        hint = f"did you mean #{guess[0]}?" if guess else (
            f"use one of: {', '.join('#' + k for k in known)}" if known else f"{where} has no headings to link to")
        yield f"the link goes to #{fragment}, but {where} has no heading or anchor with that name", hint


def _suggest(path: str, page, site) -> str:
    here = posixpath.dirname(page.src_path)
    options = [posixpath.relpath(p.src_path, here or ".") for p in site.pages]
    guess = difflib.get_close_matches(path, options, n=1, cutoff=0.75)
    if guess:
        return f"did you mean {guess[0]}? Paths are relative to {page.src_path}"
    return f"check the file name; paths are relative to {page.src_path}, for example ../guides/page-name.md"


# --- the built site, crawled by LinkChecker ---------------------------------------------------------------

LINKCHECKER_CONFIG = """\
[filtering]
checkextern={extern}
internlinks={intern}
ignore=
{ignore}
[checking]
threads=4
timeout={timeout}
maxrequestspersecond={rate}
recursionlevel={recursion}
[AnchorCheck]
"""


def run_built(site, site_dir: Path, config) -> list:
    with Loopback(site_dir, site_prefix(config)) as url:
        proven = [url + u for u in sorted(proven_anchor_links(site_dir, site))]
        try:
            start = [url + url_for(p.src_path, config.offline) for p in site.pages]
            rows = crawl(start or [url], skip=proven, intern=url)
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as e:
            return [Finding("requirements.txt", 0, f"LinkChecker could not check the built site: {e}",
                            "run ./setup.sh to install the pinned tools, then check again", ERROR, CHECK)]
    return [f for row in rows for f in _as_findings(row, url, site, config)]


def proven_anchor_links(site_dir: Path, site=None) -> set[str]:
    """Site-relative URLs with a #fragment, linked from the built pages, whose target page has that id.

    LinkChecker's anchor check fetches and parses the whole page again for every
    distinct link with a #fragment (each page's table of contents alone has
    dozens), which makes it take minutes. The anchors proved here with one
    parse of each page are passed to it as already checked; every anchor link
    not proved here, including every broken one, is still checked by LinkChecker.
    """
    from hub.checks.built_html import site_pages

    pages = site_pages(site_dir, site)
    proven = set()
    for url, page in pages.items():
        for href in page.hrefs:
            parts = urlsplit(href)
            if not parts.fragment or parts.scheme or parts.netloc:
                continue
            target_url = posixpath.normpath(posixpath.join("/" + url, parts.path)) if parts.path else "/" + url
            if parts.path.endswith("/") or (not parts.path and url.endswith("/")) or target_url == "/":
                target_url = target_url.rstrip("/") + "/"
            target = pages.get(target_url.lstrip("/"))
            if target is not None and unquote(parts.fragment) in target.ids:
                proven.add(f"{target_url.lstrip('/')}#{parts.fragment}")
    return proven


def crawl(start_urls: list[str], skip: list[str] = (), intern: str = "", external: bool = False,
          recursion: int = -1) -> list[dict]:
    """Run LinkChecker on the given URLs; return its failing and warning rows (parsed CSV).

    Everything under `intern` is the site (LinkChecker would otherwise treat only the
    folder of each start URL as the site, and merely syntax-check the rest).
    """
    import re

    # One pattern for all the URLs to skip: LinkChecker tries every ignore pattern on every
    # link it meets, so thousands of patterns (one per proven anchor) made the check
    # grow with links x anchors; a single alternation is one match per link.
    ignore = " ^(?:" + "|".join(re.escape(u) for u in skip) + ")$" if skip else " ^$never"
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as cfg:
        cfg.write(LINKCHECKER_CONFIG.format(
            ignore=ignore, intern="^" + re.escape(intern) if intern else "", extern=int(external),
            # other websites get LinkChecker's polite default rate and a longer timeout
            timeout=30 if external else 20, rate=10 if external else 1000, recursion=recursion))
    try:
        exe = Path(sys.executable).with_name("linkchecker")
        cmd = [str(exe) if exe.exists() else "linkchecker", "-f", cfg.name, "--no-status", "-o", "csv/utf-8",
               *start_urls]
        done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=3600,
                              env={**os.environ, "LC_ALL": "C.UTF-8"})
    finally:
        os.unlink(cfg.name)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    lines = [line for line in done.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))


def _as_findings(row: dict, base: str, site, config):
    broken = row.get("valid") == "False"
    anchor = "Anchor" in (row.get("warningstring") or "")
    if not (broken or anchor):
        return
    href = row.get("urlname", "")
    parent = row.get("parentname") or ""
    if not parent:  # one of the start URLs: a content page that was not built
        page = page_for_url(site, href[len(base):]) if href.startswith(base) else None
        if page is not None:
            yield finding(page, config, 1, f"the page was not built at /{page.url} ({row.get('result', '').strip()})",
                          "check the build messages above for this file", CHECK)
        return
    page = page_for_url(site, parent[len(base):]) if parent.startswith(base) else None
    problem = (f"the anchor in '{href}' does not exist on the linked page" if anchor and not broken
               else f"the link '{href}' is broken ({row.get('result', '').strip()})")
    if page is None:
        where = parent[len(base):] if parent.startswith(base) else parent
        yield Finding(f"theme (/{where})", 0, problem, "fix the link in the theme template or asset", ERROR, CHECK)
        return
    fragment = urlsplit(href).fragment
    last = posixpath.basename(urlsplit(href).path.rstrip("/"))
    # MkDocs rewrites links (other.md -> ../other/), so look for the forms a contributor wrote
    line = line_containing(page, href, f"#{fragment}" if fragment else "", f"{last}.md" if last else "",
                           last if "." in last and not last.endswith(".html") else "", default=0)
    fix = ("correct the link in this page" if line else
           "the link comes from the page template or navigation: check mkdocs.yml nav and theme/")
    yield finding(page, config, line, f"{problem} (on the built page /{page.url})", fix, CHECK)
