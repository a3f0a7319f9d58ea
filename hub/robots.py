"""robots.txt for both editions: every page may be crawled, and crawlers are told where sitemap.xml is.

Crawlers read robots.txt only at the root of a host, so it takes effect when the
site is served from the root of its address (a custom domain, or a user or
organisation GitHub Pages site). Under a sub-folder it is harmless, and the
sitemap can be given to search engines directly.
"""
from __future__ import annotations

from pathlib import Path

ROBOTS_PATH = "robots.txt"
SITEMAP_PATH = "sitemap.xml"


def robots_txt(site_url: str) -> str:
    """Allow everything; name the sitemap when the site has an address (a sitemap's address must be absolute)."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/{SITEMAP_PATH}"]
    return "\n".join(lines) + "\n"


def write(out_dir: Path, site_url: str) -> Path:
    target = Path(out_dir) / ROBOTS_PATH
    target.write_text(robots_txt(site_url), encoding="utf-8", newline="\n")
    return target
