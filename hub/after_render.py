"""What is written after an engine has rendered the pages: the same step, and the same bytes, for both editions.

- the Atom feed of news (hub.feeds);
- sitemap.xml: every current page, dated by its review, never by the clock;
- robots.txt (hub.robots);
- the social card and the neutral site icon (hub.site_images);
- a redirect page at each old address of a moved page (theme/shared/redirect.html);
- the search index, of the pages the plan says are searchable (search.build_index).

Everything here reads the site plan and nothing else, so a page the plan leaves
out of search or the sitemap (withdrawn, removed, a redirect) is left out of both.
"""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import jinja2

from hub import feeds, robots, security, site_images, themes
from hub.plan import SitePlan, relative

SITEMAP_PATH = robots.SITEMAP_PATH


def write(plan: SitePlan, out_dir: Path) -> None:
    """Write every file above into out_dir. Raises search.VocabularyError for a broken search vocabulary."""
    import search

    out_dir = Path(out_dir)
    config = plan.config
    _write(out_dir / feeds.FEED_PATH, feed(plan))
    _write(out_dir / SITEMAP_PATH, sitemap(plan).encode("utf-8"))
    robots.write(out_dir, config.site_url)
    site_images.write_card(out_dir, config.site_name, config.site_description)
    site_images.write_icon(out_dir, config.site_name)
    for redirect in plan.redirects:
        _write(out_dir / redirect.output, redirect_page(plan, redirect).encode("utf-8"))
    search.build_index(out_dir, config, plan.site, offline=plan.offline,
                       only={p.src_path for p in plan.searchable})


def feed(plan: SitePlan) -> bytes:
    site_url = plan.config.site_url or "/"
    current = {p.src_path for p in plan.pages if p.in_sitemap}
    return feeds.atom(plan.site, site_name=plan.config.site_name, site_url=site_url,
                      page_url=lambda page: site_url + plan.url(page.src_path), feed_url=site_url + feeds.FEED_PATH,
                      include=lambda page: page.src_path in current)


def sitemap(plan: SitePlan) -> str:
    """sitemap.xml: the address and review date of every page the plan lists in it. A sitemap's
    addresses must be absolute, so a site with no site_url lists none."""
    base = plan.config.site_url
    rows = []
    if base:
        for page in sorted((p for p in plan.pages if p.in_sitemap), key=lambda p: p.address):
            lastmod = page.view.get("last_reviewed_iso", "")
            rows.append(f"    <url>\n         <loc>{escape(base + page.address)}</loc>\n"
                        + (f"         <lastmod>{lastmod}</lastmod>\n" if lastmod else "") + "    </url>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "".join(rows) + "</urlset>\n")


def redirect_page(plan: SitePlan, redirect) -> str:
    """A page that sends the reader on at once: a meta refresh, a canonical link for search engines,
    noindex, and a plain link for a browser that does not follow the refresh."""
    from_url = redirect.output.removesuffix("index.html") if not plan.offline else redirect.output
    target = relative(redirect.target_url, from_url)
    canonical = plan.config.site_url + plan.by_src[redirect.target_src].address if plan.config.site_url else ""
    template = _templates().get_template("redirect.html")
    return template.render(site=plan.site_view, target=target, title=redirect.title, canonical=canonical,
                           csp=security.CONTENT_SECURITY_POLICY, language=security.LANGUAGE)


def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(themes.SHARED)), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
