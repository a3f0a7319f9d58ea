"""Building the same content twice gives the same bytes: no build dates or random ids in the output."""
from __future__ import annotations

from conftest import build_into


def _files(root):
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


def test_two_builds_give_identical_bytes(mkdocs_site, tmp_path):
    again = tmp_path / "again"
    build_into(again, run_checks=False)  # the session build ran the checks; rendering is what must match
    first, second = _files(mkdocs_site), _files(again)
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    differ = [name for name in first if first[name].read_bytes() != second[name].read_bytes()]
    assert not differ, f"these files differ between two builds: {differ}"
    assert {"sitemap.xml", "news/feed.xml", "a-z/index.html"} <= set(first)
