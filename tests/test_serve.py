"""`build.py serve`: the address and how to stop it, live reload under the pages' Content Security
Policy, and content errors shown in the browser page, for both editions."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest
from hostile import benign_fields, write_site
from served import fetch, wait_for

from hub import serve

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
ENGINES = ("pelican", "mkdocs")


@pytest.fixture(params=ENGINES)
def preview(request, tmp_path):
    """A running preview of a small site, for one edition."""
    config = write_site(tmp_path, benign_fields())
    server = serve.start(config, request.param, "127.0.0.1", 0, out=tmp_path / "preview", stream=open(os.devnull, "w"))
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/", tmp_path / "content" / "guides" / "first-guide.md", request.param
    server.shutdown()


@pytest.mark.slow
def test_the_reload_script_is_a_file_the_policy_allows(preview):
    url, _, _ = preview
    page = wait_for(url + "guides/first-guide/", lambda text: "livereload.js" in text)
    assert 'src="/.hub-preview/livereload.js"' in page and "<script>livereload(" not in page
    script = fetch(url + ".hub-preview/livereload.js")
    assert "new XMLHttpRequest" in script and "dataset.epoch" in script


@pytest.mark.slow
def test_a_content_error_shows_in_the_browser_page_until_it_is_fixed(preview):
    url, guide, _ = preview
    page_url = url + "guides/first-guide/"
    wait_for(page_url, lambda text: "HubxGuideTitle" in text)
    good = guide.read_text(encoding="utf-8")
    guide.write_text(good + "\n[A broken link](no-such-page.md)\n", encoding="utf-8")
    page = wait_for(page_url, lambda text: "hub-preview-errors" in text)
    assert "content/guides/first-guide.md:" in page and "no-such-page.md" in page
    assert "HubxGuideTitle" in page  # the last good site is still there, under the list
    guide.write_text(good, encoding="utf-8")
    wait_for(page_url, lambda text: "hub-preview-errors" not in text)


@pytest.mark.browser
@pytest.mark.slow
def test_the_browser_reloads_itself_after_a_change_with_no_policy_violations(preview, browser):
    url, guide, _ = preview
    page = browser.new_context().new_page()
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation',"
                         " e => window.__violations.push(e.violatedDirective));")
    page.goto(url + "guides/first-guide/")
    page.wait_for_load_state("load")
    guide.write_text(guide.read_text(encoding="utf-8").replace("A short page", "A changed page"), encoding="utf-8")
    page.wait_for_function("() => document.body.textContent.includes('A changed page')", timeout=90_000)
    assert page.evaluate("window.__violations") == []


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_serve_prints_the_address_and_how_to_stop(tmp_path, engine):
    config = write_site(tmp_path, benign_fields())
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--config", str(config.path), "serve",
                             "--engine", engine, "--port", "0"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "HUB_TODAY": "2026-11-22"})
    lines = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any("Ctrl+C" in line for line in lines):
            lines.append(proc.stdout.readline())
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    said = "".join(lines)
    assert "Serving the " + serve.EDITION_NAMES[engine] + " at http://127.0.0.1:" in said
    assert "Press Ctrl+C to stop." in said
