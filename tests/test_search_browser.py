"""Search in real Chromium: the built site, its search page, keyboard use, offline copies.

The relevance suite (test_search_relevance.py) runs on both editions; the layout and
layout-shift tests are in test_search_layout.py.
"""
from __future__ import annotations

import http.server
import functools
import re
import threading
from pathlib import Path
from urllib.parse import quote

import pytest


pytestmark = pytest.mark.browser

FFT_PAGE = "guides/friends-and-family-test/"
COPRODUCTION_PAGE = "principles/co-production-and-co-design-in-practice/"


def search(page, base: str, q: str, extra: str = ""):
    page.goto(f"{base}search/?q={quote(q)}{extra}")
    page.wait_for_function("() => window.hubSearch && window.hubSearch.ready")
    page.evaluate("window.hubSearch.ready")
    page.wait_for_selector("#search-results[aria-busy=false]", state="attached")
    return results(page)


def results(page) -> list[dict]:
    return page.eval_on_selector_all("#search-results > li", """items => items.map(li => ({
        href: li.querySelector('.hub-result__title a').getAttribute('href'),
        link: li.querySelector('.hub-result__title a').textContent,
        type: li.querySelector('.hub-result__type').textContent,
        sections: [...li.querySelectorAll('.hub-result__sections a')].map(a => [a.textContent, a.getAttribute('href')]),
        marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
    }))""")


def status(page) -> str:
    return page.inner_text("#search-status").strip()


@pytest.fixture
def watched(page):
    """The page, failing the test on any script error or dialog (an injected alert)."""
    problems = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    assert not problems, problems


def test_query_lands_on_the_right_section(watched, mkdocs_server):
    found = search(watched, mkdocs_server.url, "FFT where you may be asked")
    assert found[0]["href"].endswith(FFT_PAGE) and found[0]["link"] == "The Friends and Family Test"
    assert found[0]["type"] == "Guide"
    assert found[0]["sections"][0][0] == "Where you may be asked"
    assert found[0]["sections"][0][1].endswith(FFT_PAGE + "#where-you-may-be-asked")
    watched.click("#search-results > li:first-child .hub-result__sections a >> nth=0")
    watched.wait_for_url(re.compile(r"#where-you-may-be-asked$"))
    assert watched.locator("#where-you-may-be-asked").is_visible()


def test_one_result_per_page_with_up_to_three_sections_and_no_boilerplate(watched, mkdocs_server):
    for q in ("carers", "care", "feedback", "NHS England"):
        found = search(watched, mkdocs_server.url, q)
        pages = [r["href"] for r in found]
        assert len(pages) == len(set(pages)), q
        assert all(len(r["sections"]) <= 3 for r in found), q
        assert all(href.startswith(r["href"] + "#") for r in found for _, href in r["sections"]), q
        assert not any(text == "Sources" for r in found for text, _ in r["sections"]), q
    # The Sources lists name NHS England on nearly every page: none of them is ever a result's section.
    assert watched.locator("#search-results a[href$='#sources']").count() == 0


def test_only_the_words_asked_for_are_highlighted(watched, mkdocs_server):
    """carers finds "unpaid carer", "family carer" and "caregiver" pages too, but marks only carer and carers."""
    found = search(watched, mkdocs_server.url, "carers")
    marks = {m.lower() for r in found for m in r["marks"]}
    assert marks and marks <= {"carer", "carers", "carer's", "carers'"}, marks
    found = search(watched, mkdocs_server.url, "hosptial feedback")
    marks = {m.lower() for r in found for m in r["marks"]}
    assert marks <= {"hospital", "hospitals", "feedback"} and {"feedback", "hospital"} <= marks, marks


def test_a_misspelt_word_is_corrected_even_beside_a_correct_one(watched, mkdocs_server):
    found = search(watched, mkdocs_server.url, "hosptial feedback")
    assert watched.inner_text("#search-suggestions").startswith("Did you mean hospital feedback?")
    # The pages with both words come first, the corrected one marked.
    assert watched.evaluate("window.hubSearch.last.results.slice(0, 3).map(r => r.met)") == [2, 2, 2]
    assert "hospital" in {m.lower() for m in found[0]["marks"]}
    # The suggestion is a link that runs the corrected search.
    watched.click("#search-suggestions a")
    watched.wait_for_url(re.compile(r"q=hospital(\+|%20)feedback"))
    watched.evaluate("window.hubSearch.ready")
    assert status(watched).endswith("for hospital feedback") and watched.inner_text("#search-suggestions") == ""


@pytest.mark.parametrize("q, answer", [
    ("hosptial", None), ("frends and famly test", FFT_PAGE), ("ways", "contact/ways-to-share-your-experience-of-care/"),
    ("survey", "guides/national-patient-and-staff-surveys/"), ("relay", "contact/contact-the-cqc-if-you-are-deaf-or-hard-of-hearing/"),
    ("A&E", "guides/experience-of-care-in-priority-clinical-programmes/"),
])
def test_the_words_issue_11_lost_are_found(watched, mkdocs_server, q, answer):
    found = search(watched, mkdocs_server.url, q)
    assert found, q
    if answer:
        assert found[0]["href"].endswith(answer), (q, found[0]["href"])


def test_results_have_link_first_type_and_marked_snippet(watched, mkdocs_server):
    found = search(watched, mkdocs_server.url, "Friends and Family Test")
    assert found[0]["href"].endswith(FFT_PAGE)
    first_links = watched.eval_on_selector_all("#search-results > li", "items => items.map(li => li.querySelector('a') === li.querySelectorAll('a')[0] && li.querySelector('a').closest('li') === li)")
    assert all(first_links)
    assert {m.lower() for m in found[0]["marks"]} >= {"friends", "family", "test"}


@pytest.mark.parametrize("q", ["co-production", "coproduction", "co production", "Co-Production"])
def test_hyphenated_spellings_find_each_other(watched, mkdocs_server, q):
    found = search(watched, mkdocs_server.url, q)
    assert found and found[0]["href"].endswith(COPRODUCTION_PAGE)
    assert re.fullmatch(r"\d+ results? for " + re.escape(q), status(watched))


def test_acronym_finds_the_spelled_out_name(watched, mkdocs_server):
    found = search(watched, mkdocs_server.url, "CQC")
    assert any("care-quality-commission" in r["href"] for r in found[:5])


def test_american_spelling_finds_british(watched, mkdocs_server):
    assert [r["href"] for r in search(watched, mkdocs_server.url, "organization")] == \
        [r["href"] for r in search(watched, mkdocs_server.url, "organisation")]


@pytest.mark.parametrize("q", [
    '<img src=x onerror=alert(1)>', '"FFT" + -carers ~2 ^10 *', 'co-production:', 'title:FFT',
    'Friends & Family Test 🙂', '*', '-', '🙂', "carers' rights", "a" * 300,
])
def test_punctuation_syntax_and_html_never_throw_or_inject(watched, mkdocs_server, q):
    search(watched, mkdocs_server.url, q)
    assert watched.locator("#search-results img").count() == 0
    text = status(watched)
    assert text.endswith(q) and ("results for" in text or "result for" in text or text.startswith("No results"))


def test_typo_is_tolerated_and_suggested(watched, mkdocs_server):
    found = search(watched, mkdocs_server.url, "feedbak")
    assert found and any("feedback" in " ".join(r["marks"]).lower() for r in found[:5])
    assert "Did you mean feedback?" in watched.inner_text("#search-suggestions")


def test_last_word_is_prefix_matched(watched, mkdocs_server):
    found = search(watched, mkdocs_server.url, "Friends and Family Te")
    assert found[0]["href"].endswith(FFT_PAGE)


def test_pages_with_all_the_words_come_first(watched, mkdocs_server):
    search(watched, mkdocs_server.url, "carers assessment hospital")
    met = watched.evaluate("window.hubSearch.last.results.map(r => r.met)")
    assert met[0] == 3 and 1 in met
    assert met == sorted(met, reverse=True)
    # Among pages with as many of the words, those whose title or summary has more come first.
    keys = watched.evaluate("window.hubSearch.last.results.map(r => [r.met, r.about])")
    assert keys == sorted(keys, reverse=True)
    first = watched.eval_on_selector("#search-results > li:first-child", "li => li.textContent.toLowerCase()")
    assert "carer" in first


def test_results_do_not_depend_on_earlier_queries(watched, mkdocs_server):
    """The client keeps the index rows earlier queries loaded; a query must still rank and mark the same."""
    ranked = "window.hubSearch.last.results.map(r => [r.page, r.doc, r.met, r.about, r.score.toFixed(6)])"
    search(watched, mkdocs_server.url, "patient com")
    fresh = (watched.evaluate(ranked), results(watched))
    assert fresh[0] and fresh[1]
    for q in ["complaints", "community voice", "commissioning", "feedbak", "co-production", "FFT", "carers"]:
        watched.evaluate("(q) => window.hubSearch.search(q)", q)
    watched.evaluate("(q) => window.hubSearch.search(q)", "patient com")
    assert (watched.evaluate(ranked), results(watched)) == fresh


@pytest.mark.parametrize("q", ["care", "staff experience", "carers assessment hospital", "co-production",
                               "feedbak", "patient com", "FFT", "nhs england",
                               # more than 32 terms: each section's terms take more than one bit mask word
                               "care carers staff patients feedback survey england experience friends family "
                               "test complaints hospital community voice listening improvement plan quality "
                               "access services people health work network week share better learning "
                               "partners principles commitments contact support advice"])
def test_lunr_orders_the_first_results_as_it_would_order_every_match(watched, mkdocs_server, q):
    """The client finds and scores every match from the postings, and lunr.js scores the best
    section of the first hubSearch.lunrWindow pages. With lunr.js scoring every page's best
    section instead, the results, their scores and their order must be the same (scores equal
    to 1e-9; equal scores may swap)."""
    ranked = "window.hubSearch.last.results.map(r => [r.doc, r.met, r.score])"
    search(watched, mkdocs_server.url, "patient")
    watched.evaluate("window.hubSearch.lunrWindow = 3")
    watched.evaluate("(q) => window.hubSearch.search(q)", q)
    windowed = watched.evaluate(ranked)
    watched.evaluate("window.hubSearch.lunrWindow = Infinity")
    watched.evaluate("(q) => window.hubSearch.search(q)", q)
    everything = watched.evaluate(ranked)
    assert len(windowed) > 3, f"{q!r} should match more sections than the window"
    assert sorted(d for d, _, _ in windowed) == sorted(d for d, _, _ in everything)
    for (doc, met, score), (doc2, met2, score2) in zip(windowed, everything):
        assert met == met2 and abs(score - score2) < 1e-9, (q, doc, doc2, score, score2)
    scores = {doc: score for doc, _, score in everything}
    assert all(abs(scores[doc] - score) < 1e-9 for doc, _, score in windowed)


def test_live_region_announces_the_count(watched, mkdocs_server):
    search(watched, mkdocs_server.url, "co-production")
    live = watched.locator("#search-status")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    count = len(results(watched))
    # Only the first page of results is shown; the count is for all of them.
    n = int(status(watched).split()[0])
    assert n >= count > 0 and status(watched) == f"{n} results for co-production"


def test_no_results_offers_suggestions_and_the_a_to_z(watched, mkdocs_server):
    assert search(watched, mkdocs_server.url, "zzqxj") == []
    assert status(watched) == "No results for zzqxj"
    link = watched.locator("#search-help a", has_text="A to Z index")
    href = link.get_attribute("href")
    watched.goto(mkdocs_server.url + "search/" + href if not href.startswith("http") else href)
    assert watched.locator("h1").inner_text().strip()
    assert "404" not in watched.title()


def test_keyboard_only_search_from_a_content_page(watched, mkdocs_server):
    watched.goto(mkdocs_server.url + FFT_PAGE)
    for _ in range(40):
        watched.keyboard.press("Tab")
        if watched.evaluate("document.activeElement.name") == "q":
            break
    else:
        pytest.fail("Tab never reached the header search box")
    watched.keyboard.type("co-production")
    watched.keyboard.press("Enter")
    watched.wait_for_url(re.compile(r"/search/\?q=co-production"))
    watched.evaluate("window.hubSearch.ready")
    watched.wait_for_selector("#search-results > li")
    # Onwards by keyboard to the first result, and follow it.
    for _ in range(60):
        watched.keyboard.press("Tab")
        if watched.evaluate("!!document.activeElement.closest('#search-results')"):
            break
    else:
        pytest.fail("Tab never reached the results")
    watched.keyboard.press("Enter")
    watched.wait_for_url(re.compile(COPRODUCTION_PAGE))


def test_filters_by_type_and_audience_with_the_keyboard(watched, mkdocs_server):
    everything = search(watched, mkdocs_server.url, "feedback")
    total = int(status(watched).split()[0])
    assert len({r["type"] for r in everything}) > 1
    watched.focus("#search-filters summary")  # folded until asked for
    watched.keyboard.press("Enter")
    watched.focus("#filter-type-contact")
    watched.keyboard.press("Space")
    watched.evaluate("window.hubSearch.ready")
    only = results(watched)
    assert only and {r["type"] for r in only} == {"Contact route"}
    assert int(status(watched).split()[0]) < total
    assert "type=contact" in watched.url
    watched.focus("#filter-audience-staff")
    watched.keyboard.press("Space")
    watched.evaluate("window.hubSearch.ready")
    assert 0 < len(results(watched)) <= len(only)
    assert "audience=staff" in watched.url
    # The filtered address is shareable: opening it shows the same results.
    shared, shown = watched.url, results(watched)
    watched.goto("about:blank")
    watched.goto(shared)
    watched.evaluate("window.hubSearch.ready")
    watched.wait_for_selector("#search-results[aria-busy=false]", state="attached")
    assert watched.is_checked("#filter-type-contact") and watched.is_checked("#filter-audience-staff")
    assert results(watched) == shown


def test_back_button_returns_to_the_previous_results(watched, mkdocs_server):
    search(watched, mkdocs_server.url, "carers")
    watched.fill("#search-page-q", "co-production")
    watched.press("#search-page-q", "Enter")
    watched.wait_for_url(re.compile(r"q=co-production"))
    watched.evaluate("window.hubSearch.ready")
    assert status(watched).endswith("co-production")
    watched.go_back()
    watched.wait_for_function("() => document.getElementById('search-status').textContent.endsWith('carers')")
    assert watched.input_value("#search-page-q") == "carers"


def test_client_makes_the_same_terms_as_the_indexer(watched, mkdocs_server):
    from search.terms import Terms
    from search.words import compounds

    text = "Organizations co-production carers' behaviour recognized analyzing FFT Friends families running A&E survey ways"
    search(watched, mkdocs_server.url, "x")
    client = watched.evaluate("t => window.hubSearch.termsOf(t)", text)
    terms = Terms()
    python = [[terms.term(w) for w in parts + ([joined] if joined else [])] for parts, joined in compounds(text)]
    assert client == python
    assert ["survey"] in client and ["way"] in client


def test_network_switched_off_after_first_load(page, mkdocs_server):
    search(page, mkdocs_server.url, "carers")
    page.wait_for_timeout(500)  # the small index is fetched whole once results show
    page.context.set_offline(True)
    try:
        page.fill("#search-page-q", "Friends and Family Test")
        page.press("#search-page-q", "Enter")
        page.evaluate("window.hubSearch.ready")
        found = results(page)
        assert found and found[0]["href"].split("#")[0].endswith(FFT_PAGE)
    finally:
        page.context.set_offline(False)


def test_without_javascript_the_page_says_so_and_links_the_a_to_z(browser, mkdocs_server, mkdocs_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(mkdocs_server.url + "search/?q=carers")
        message = page.locator(".hub-search-noscript")
        assert message.is_visible() and "JavaScript" in message.inner_text()
        href = message.locator("a").get_attribute("href")
        target = (mkdocs_site / "search" / href).resolve()
        assert (target / "index.html").is_file() or target.is_file()
    finally:
        context.close()


STRICT_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "object-src 'none'; base-uri 'self'")


class _CspHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", STRICT_CSP)
        super().end_headers()

    def log_message(self, *args):
        pass


def test_strict_content_security_policy_does_not_break_search(watched, mkdocs_site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_CspHandler, directory=str(mkdocs_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    violations = []
    watched.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        found = search(watched, base, "frends and famly test")
        assert found and found[0]["href"].endswith(FFT_PAGE) and found[0]["marks"]
        assert watched.inner_text("#search-suggestions").startswith("Did you mean")
        watched.click("#search-filters summary")
        watched.check("#filter-type-guide")
        watched.evaluate("window.hubSearch.ready")
        assert {r["type"] for r in results(watched)} == {"Guide"}
        # Whatever else the theme's page does, nothing search brings is refused.
        assert not [v for v in violations if "search" in v.lower() or "hub-" in v], violations
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_search_page_markup_has_no_inline_script_or_style(mkdocs_site):
    """The search page's own markup (the form, results and their scripts) needs nothing a strict CSP refuses."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((mkdocs_site / "search/index.html").read_text(encoding="utf-8"), "html.parser")
    form = soup.find(id="search-page-form")
    ours = [form, soup.find(id="search-status"), soup.find(id="search-suggestions"), soup.find(id="search-results"),
            soup.find(id="search-more")]
    assert all(ours)
    assert not [el for part in ours for el in [part, *part.find_all(True)] if el.has_attr("style")]
    scripts = [s for s in soup.find_all("script") if "assets/search/" in (s.get("src") or "")]
    assert [s["src"].rsplit("/", 1)[-1] for s in scripts] == ["hub-suggest.js", "lunr.min.js", "hub-search.js"]
    assert not [s for s in soup.find_all("script") if not s.get("src") and ("hubSearch" in s.text or "lunr" in s.text)]


def test_index_text_is_never_inserted_as_html(watched, mkdocs_server):
    """Titles, summaries, headings and section text are text: markup in them is shown, never run."""
    search(watched, mkdocs_server.url, "x")
    hostile = "<img src=x onerror=\"document.title='pwned'\"><b>bold</b>"
    # Replace the FFT page's entry in the document store with hostile text, then search for it.
    page_no = watched.evaluate("""async () => {
      await window.hubSearch.search('FFT');
      return window.hubSearch.last.results[0].page; }""")
    watched.evaluate("""([n, h]) => {
      const sections = [];
      for (let i = 0; i < 20; i++) sections.push(['part-' + i, 'FFT ' + h, 'FFT text ' + h]);
      const per = window.hubSearch.loaded('manifest').pagesPerFile, name = 'd' + Math.floor(n / per);
      const docs = window.hubSearch.loaded(name).slice();
      docs[n % per] = ['guides/friends-and-family-test/', 'FFT ' + h, 'FFT summary ' + h, sections];
      window.hubSearch.add(name, docs);
    }""", [page_no, hostile])
    watched.evaluate("(q) => window.hubSearch.search(q)", "FFT")
    first = watched.locator("#search-results > li").first
    assert first.locator("img, b").count() == 0
    assert hostile in first.inner_text()
    assert watched.title() != "pwned"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """`build --offline` output. Built-site checks are left to their own tests: this one is about search."""
    from hub import config, pipeline

    out = tmp_path_factory.mktemp("offline") / "site"
    findings = pipeline.build(config.load(Path(__file__).resolve().parent.parent / "mkdocs.yml"),
                              out=out, offline=True, run_checks=False)
    assert not [f.format() for f in findings if f.severity == "error"]
    return out


def test_offline_copy_searches_from_file_urls(watched, offline_site):
    search_page = (offline_site / "search.html").as_uri()
    watched.goto(search_page + "?q=" + quote("Friends and Family Test"))
    watched.evaluate("window.hubSearch.ready")
    found = results(watched)
    assert found[0]["href"].startswith("file://")
    assert found[0]["href"].split("#")[0].endswith("guides/friends-and-family-test.html")
    watched.click("#search-results > li:first-child .hub-result__title a")
    watched.wait_for_load_state()
    assert "Friends and Family Test" in watched.locator("h1").inner_text()
    # The header form on a content page goes to the offline search page.
    watched.fill("input[name=q] >> nth=0", "co-production")
    watched.press("input[name=q] >> nth=0", "Enter")
    watched.wait_for_url(re.compile(r"search\.html\?q=co-production"))
    watched.evaluate("window.hubSearch.ready")
    assert results(watched)[0]["href"].split("#")[0].endswith("co-production-and-co-design-in-practice.html")


def test_search_works_on_a_phone_screen(mobile_page, mkdocs_server):
    found = search(mobile_page, mkdocs_server.url, "carers")
    assert found
    box = mobile_page.locator("#search-results > li:first-child .hub-result__title a").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_on_a_phone_the_filters_fold_away_so_results_come_first(mobile_page, mkdocs_server):
    search(mobile_page, mkdocs_server.url, "carers")
    assert not mobile_page.evaluate("document.querySelector('#search-filters details').open")
    first = mobile_page.locator("#search-results > li:first-child .hub-result__title a").bounding_box()
    assert first["y"] + first["height"] <= mobile_page.viewport_size["height"], "first result below the fold"
    # The filters open from the keyboard.
    mobile_page.focus("#search-filters summary")
    mobile_page.keyboard.press("Enter")
    assert mobile_page.is_visible("#filter-type-guide")
    # A filtered address opens them, so a filter that is on is never hidden.
    search(mobile_page, mkdocs_server.url, "carers", "&type=guide")
    assert mobile_page.is_visible("#filter-type-guide") and mobile_page.is_checked("#filter-type-guide")


def test_on_a_wide_screen_too_the_filters_are_folded_so_results_come_first(watched, mkdocs_server):
    search(watched, mkdocs_server.url, "carers")
    assert not watched.evaluate("document.querySelector('#search-filters details').open")
    assert not watched.is_visible("#filter-type-guide")
    watched.click("#search-filters summary")
    assert watched.is_visible("#filter-type-guide") and watched.is_visible("#filter-audience-staff")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("q", ["carers", "zzqxj", "feedbak"])
def test_search_page_with_results_passes_axe(browser, mkdocs_server, scheme, q):
    from axe_playwright_python.base import AXE_SCRIPT

    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        search(page, mkdocs_server.url, q)
        page.evaluate(AXE_SCRIPT)
        report = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: "
                               "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})")
        problems = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in report["violations"]]
        assert not problems
    finally:
        context.close()


def test_show_more_results_adds_the_next_ones_and_moves_focus_to_them(watched, mkdocs_server):
    first = search(watched, mkdocs_server.url, "care")
    total = int(status(watched).split()[0])
    assert total > len(first) == 10
    watched.focus("#search-more")
    watched.keyboard.press("Enter")
    watched.wait_for_function("() => document.querySelectorAll('#search-results > li').length > 10")
    more = results(watched)
    assert more[:10] == first and len(more) == min(20, total)
    assert watched.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#search-results > li')[10]")


def test_suggestions_work_from_file_urls_in_the_offline_copy(watched, offline_site):
    """The header's suggestions load with <script> elements, so an offline copy suggests too."""
    watched.goto((offline_site / "guides" / "friends-and-family-test.html").as_uri())
    watched.wait_for_function("() => window.hubSuggest && window.hubSuggest.ready")
    watched.evaluate("window.hubSuggest.ready")
    box = watched.locator("input[name=q]").first
    box.focus()
    watched.keyboard.type("co-prod")
    watched.wait_for_selector("[role=listbox] [role=option]")
    first = watched.locator("[role=option]").first
    assert first.inner_text().startswith("Co-production and co-design in practice")
    watched.keyboard.press("ArrowDown")
    watched.keyboard.press("Enter")
    watched.wait_for_url(re.compile(r"principles/co-production-and-co-design-in-practice\.html$"))
