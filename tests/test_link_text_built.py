"""Link text in the layouts, not only in the content: no built page shows a bare web address as a link."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

BARE = re.compile(r"^(https?://|www\.)", re.I)


def bare_url_links(site_dir) -> list[str]:
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            if BARE.match(a.get_text(" ", strip=True)):
                found.append(f"{path.relative_to(site_dir)}: {a.get_text(strip=True)}")
    return found


@pytest.mark.parametrize("engine", ["mkdocs", "pelican"])
def test_no_link_text_is_a_bare_web_address(engine, request):
    site_dir = request.getfixturevalue("mkdocs_site" if engine == "mkdocs" else "pelican_site")
    assert bare_url_links(site_dir) == []
