"""The weekly external link check: failures are retried, and only addresses that keep failing are reported.

A second loopback server stands in for another website (a different port is a different site).
"""
from __future__ import annotations

import pytest

from hub.checks import external_links, links
from hub.checks.loopback import Loopback

pytestmark = pytest.mark.slow  # waits out retries against loopback servers


def test_only_external_addresses_that_keep_failing_are_reported(tmp_path):
    remote_dir, site_dir = tmp_path / "remote", tmp_path / "site"
    remote_dir.mkdir()
    site_dir.mkdir()
    (remote_dir / "ok.html").write_text("<p>Fine</p>", encoding="utf-8")
    with Loopback(remote_dir) as remote:
        (site_dir / "index.html").write_text(
            f'<a href="{remote}ok.html">Works</a> <a href="{remote}gone.html">Gone</a> <a href="inside.html">In</a>',
            encoding="utf-8")
        (site_dir / "inside.html").write_text("<p>Inside</p>", encoding="utf-8")
        with Loopback(site_dir) as base:
            rows = links.crawl([base], intern=base, external=True)
            broken = external_links.failing(rows, base)
            assert list(broken) == [f"{remote}gone.html"]
            assert broken[f"{remote}gone.html"][0]["parentname"] == base
            assert external_links.still_failing(list(broken), tries=1, pause=0) == {f"{remote}gone.html"}
        # an address that works on the retry is not reported
        (remote_dir / "gone.html").write_text("<p>Back</p>", encoding="utf-8")
        assert external_links.still_failing([f"{remote}gone.html"], tries=1, pause=0) == set()
