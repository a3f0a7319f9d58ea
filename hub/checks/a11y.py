"""Accessibility: axe-core and keyboard facts on every built page, in headless Chromium.

Every HTML page of the built site is opened at desktop (1280 px) and mobile
(375 px) widths, in light and dark colour schemes, and tested with axe-core
(WCAG 2.0, 2.1 and 2.2 A and AA, plus best practice): any violation is an
error. On each page the keyboard is tested too: the first Tab stop must be the
skip link, and every element you can Tab to must look different when it has
focus (an outline, shadow, colour or underline change).

Runs with `python build.py check --a11y` and in CI. Chromium is Debian's
(/usr/bin/chromium, or HUB_CHROMIUM), driven by Playwright; axe-core is the copy
shipped in axe-playwright-python.
"""
from __future__ import annotations

import asyncio
import os
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from hub.checks.loopback import Loopback, site_prefix
from hub.checks.pages import finding, line_containing, page_for_url
from hub.findings import ERROR, Finding
from hub.progress import Progress

CHECK = "accessibility"
CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


@dataclass(frozen=True)
class View:
    name: str
    width: int
    height: int
    scheme: str  # "light" or "dark"
    mobile: bool


VIEWS = (
    View("desktop light", 1280, 900, "light", False),
    View("desktop dark", 1280, 900, "dark", False),
    View("mobile light", 375, 740, "light", True),
    View("mobile dark", 375, 740, "dark", True),
)


@dataclass
class Problem:
    """One accessibility problem on one page in one view."""

    url: str  # site-relative
    view: str
    rule: str  # axe rule id, or "skip-link" / "focus-visible" / "focus-hidden"
    message: str
    fix: str
    targets: tuple[str, ...] = ()
    snippets: tuple[str, ...] = ()


def run(site, site_dir: Path, config) -> list[Finding]:
    urls = built_urls(site_dir)
    with Loopback(site_dir, site_prefix(config)) as base:
        problems = audit(base, urls)
    return as_findings(problems, site, config)


# How a redirect page starts: an immediate refresh (theme/shared/redirect.html).
REDIRECT = '<meta http-equiv="refresh" content="0; url='


def built_urls(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, as site-relative URLs (guides/x/ for guides/x/index.html).

    Not the redirect pages at moved pages' old addresses (hub/after_render.py): the browser leaves
    them at once for the page they name, which is tested in its own right. The Nu HTML checker
    still reads them."""
    urls = []
    for path in sorted(Path(site_dir).rglob("*.html")):
        if REDIRECT in path.read_text(encoding="utf-8", errors="replace")[:2000]:
            continue
        rel = path.relative_to(site_dir).as_posix()
        urls.append(rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)
    return urls


def audit(base: str, urls: list[str], views=VIEWS, workers: int = 3) -> list[Problem]:
    """Test each URL in each view. Runs in its own thread, so it works beside Playwright's sync API."""
    result: dict = {}

    def work():
        try:
            result["problems"] = asyncio.run(_audit(base, urls, views, workers))
        except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
            result["error"] = e

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["problems"]


async def _audit(base, urls, views, workers) -> list[Problem]:
    from axe_playwright_python.base import AXE_SCRIPT
    from playwright.async_api import async_playwright

    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        raise RuntimeError(f"Chromium not found at {CHROMIUM}: install Debian's chromium package "
                           "(./setup.sh --browser) or set HUB_CHROMIUM")
    jobs: asyncio.Queue = asyncio.Queue()
    for view in views:
        for url in urls:
            jobs.put_nowait((view, url))
    problems: list[Problem] = []
    progress = Progress("Accessibility pass", jobs.qsize(), "page views")

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        contexts = {}
        for view in views:
            contexts[view] = await browser.new_context(
                viewport={"width": view.width, "height": view.height}, is_mobile=view.mobile,
                has_touch=view.mobile, color_scheme=view.scheme, reduced_motion="reduce")
            await contexts[view].add_init_script(CSP_LISTENER)

        async def worker():
            pages = {}
            while not jobs.empty():
                view, url = jobs.get_nowait()
                if view not in pages:
                    pages[view] = await contexts[view].new_page()
                try:
                    problems.extend(await _test_page(pages[view], base, url, view, AXE_SCRIPT))
                except Exception as e:  # noqa: BLE001 - one page that will not load must not hide the rest
                    problems.append(Problem(url, view.name, "page-error", f"the page could not be tested: {e}"[:300],
                                            "open the page in a browser and check it loads"))
                progress.step()
            for pg in pages.values():
                await pg.close()

        await asyncio.gather(*(worker() for _ in range(workers)))
        await browser.close()
    return sorted(problems, key=lambda pr: (pr.url, pr.rule, pr.view))


async def _test_page(page, base: str, url: str, view: View, axe_script: str) -> list[Problem]:
    await page.goto(base + url, wait_until="load")
    found = []
    blocked = await page.evaluate("window.__hubCspViolations || []")
    if blocked:
        found.append(Problem(url, view.name, "content-security-policy",
                             f"the page's Content Security Policy blocked {len(blocked)} thing(s), for example "
                             + "; ".join(blocked[:3]),
                             "move inline script or style into the theme's .js and .css files, and load nothing "
                             "from other sites", tuple(blocked[:5])))
    scheme = await page.evaluate("document.body && document.body.getAttribute('data-md-color-scheme')")
    if view.scheme == "dark" and scheme not in (None, "slate"):
        found.append(Problem(url, view.name, "dark-mode", f"the page did not switch to dark mode (scheme '{scheme}')",
                             "check the palette settings in mkdocs.yml"))
    await page.evaluate(axe_script)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    response = await page.evaluate("options => axe.run(document, options)", options)
    for v in response.get("violations", []):
        nodes = v.get("nodes", [])
        found.append(Problem(
            url, view.name, v["id"], f"{v['help']} ({v.get('impact') or 'minor'}; {len(nodes)} element(s))",
            _first_fix(nodes) or v.get("description", ""),
            tuple(" ".join(map(str, n.get("target", []))) for n in nodes[:3]),
            tuple(n.get("html", "") for n in nodes[:3])))
    found += await _keyboard(page, url, view)
    return found


def _first_fix(nodes) -> str:
    for n in nodes:
        text = (n.get("failureSummary") or "").replace("Fix any of the following:", "").replace(
            "Fix all of the following:", "")
        text = " ".join(text.split())
        if text:
            return text[:300]
    return ""


# Measured with transitions off, so the focused style is the final one, not a frame of an animation.
# Collects what the page's Content Security Policy blocks, as the page loads.
CSP_LISTENER = r"""
window.__hubCspViolations = [];
document.addEventListener("securitypolicyviolation", e => {
  window.__hubCspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"}` +
                                 (e.sourceFile ? ` (${e.sourceFile.split("/").pop()}:${e.lineNumber})` : ""));
});
"""

NO_MOTION_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"

FOCUS_SCRIPT = r"""
() => {
  const props = ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "backgroundColor", "color",
                 "textDecorationLine", "textDecorationThickness", "borderTopColor", "borderBottomColor",
                 "borderBottomWidth", "transform", "opacity"];
  const snapshot = el => {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {style: props.map(p => s[p]).join("|"),
            outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
            onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
                      r.top < innerHeight && r.left < innerWidth && s.visibility !== "hidden" &&
                      parseFloat(s.opacity) > 0};
  };
  const describe = el => {
    const id = el.id ? "#" + el.id : "";
    const cls = el.classList.length ? "." + [...el.classList].slice(0, 2).join(".") : "";
    const text = (el.innerText || el.getAttribute("aria-label") || el.getAttribute("href") || "").trim()
      .replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
  };
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
                   '[tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable=true]';
  const tabbable = [...document.querySelectorAll(selector)].filter(el => {
    if (el.disabled || el.closest("[inert]")) return false;
    const s = getComputedStyle(el);
    return el.getClientRects().length > 0 && s.visibility !== "hidden";
  });
  const noIndicator = [], hidden = [];
  for (const el of tabbable) {
    el.blur();
    const before = snapshot(el);
    el.focus({preventScroll: false});
    if (document.activeElement !== el) continue;
    const after = snapshot(el);
    if (!after.onScreen) hidden.push(describe(el));
    else if (!(after.outline || after.style !== before.style || after.onScreen !== before.onScreen))
      noIndicator.push(describe(el));
    el.blur();
  }
  return {count: tabbable.length, noIndicator, hidden};
}
"""

FIRST_TAB_SCRIPT = r"""
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {ok: false, what: "nothing (focus stayed on the page)"};
  const href = el.getAttribute("href") || "";
  const text = (el.innerText || el.textContent || "").trim().replace(/\s+/g, " ");
  const target = href.startsWith("#") && href.length > 1 ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
  const r = el.getBoundingClientRect();
  return {ok: el.tagName === "A" && !!target && /skip/i.test(text),
          visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
          what: `${el.tagName.toLowerCase()} "${text.slice(0, 40)}"${href ? " (" + href + ")" : ""}`};
}
"""


async def _keyboard(page, url: str, view: View) -> list[Problem]:
    found = []
    # A constructed style sheet, not a <style> element: the pages' Content Security Policy
    # (rightly) refuses inline styles, and the check must see the pages as visitors do.
    await page.evaluate("""css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
                                    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
                        NO_MOTION_CSS)
    await page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    await page.keyboard.press("Tab")
    first = await page.evaluate(FIRST_TAB_SCRIPT)
    if not first["ok"]:
        found.append(Problem(url, view.name, "skip-link", f"the first Tab stop is {first['what']}, not a skip link",
                             "make the first link on the page 'Skip to main content', pointing at the main content"))
    elif not first["visible"]:
        found.append(Problem(url, view.name, "skip-link", "the skip link stays out of sight when it has focus",
                             "show the skip link on screen when it is focused"))
    # Focus came from the keyboard, so :focus-visible styles apply to the focus() calls that follow.
    focus = await page.evaluate(FOCUS_SCRIPT)
    if focus["noIndicator"]:
        found.append(Problem(url, view.name, "focus-visible",
                             f"{len(focus['noIndicator'])} of {focus['count']} focusable elements look the same "
                             f"with and without focus, for example {', '.join(focus['noIndicator'][:3])}",
                             "give them a visible focus style, such as a thick outline (WCAG 2.4.7)",
                             tuple(focus["noIndicator"][:5])))
    if focus["hidden"]:
        found.append(Problem(url, view.name, "focus-hidden",
                             f"{len(focus['hidden'])} elements take keyboard focus while out of sight, "
                             f"for example {', '.join(focus['hidden'][:3])}",
                             "hide closed menus from the keyboard too (display: none, visibility: hidden or inert), "
                             "or show the element when it has focus (WCAG 2.4.11)",
                             tuple(focus["hidden"][:5])))
    return found


def as_findings(problems: list[Problem], site, config) -> list[Finding]:
    """One finding per page and rule, listing the views it happens in, pointed at the page's Markdown file."""
    grouped: dict[tuple[str, str], list[Problem]] = {}
    for pr in problems:
        grouped.setdefault((pr.url, pr.rule), []).append(pr)
    out = []
    for (url, rule), group in sorted(grouped.items()):
        first = group[0]
        views = ", ".join(pr.view for pr in group)
        where = f" on /{url} ({views})"
        targets = f"; elements: {'; '.join(first.targets)}" if first.targets and rule not in (
            "focus-visible", "focus-hidden") else ""
        message = f"{rule}: {first.message}{where}{targets}"
        page = page_for_url(site, url) if site is not None else None
        if page is None:
            out.append(Finding(f"theme (/{url})", 0, message, first.fix, ERROR, CHECK))
            continue
        needles = [m.group(1) for s in first.snippets for m in re.finditer(r'(?:src|href)="([^"]+)"', s)]
        line = line_containing(page, *needles, default=0) if needles else 0
        out.append(finding(page, config, line, message, first.fix, CHECK))
    return out
