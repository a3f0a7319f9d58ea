"""The hub's content: every required topic has a page, every page cites its sources,
every contact detail matches the one declared in content/_data/contacts.yml, and the
pages people start from link to the routes they need.

Topics are found by what a page is about (its type, title, topics and words),
never by its file name, so pages can be renamed or split freely.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import posixpath

import pytest
import yaml

from hub import config as hub_config
from hub.checks import a11y
from hub.content import load_site

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CONTACTS = CONTENT / "_data" / "contacts.yml"
# The source documents live beside the repository in the project workspace; a plain clone has none.
SEEDS = ROOT.parent / "shared" / "seeds"
MIN_PAGES = 25

LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
# A UK phone number as people write it: 0 or +44, then nine or ten more digits, spaces allowed.
PHONE_TEXT = re.compile(r"(?<![\w/.+])(?:\+44\s?|0)(?:\d ?){8,9}\d(?![\d\w])")
EMAIL_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
H2 = re.compile(r"^##\s+(.+?)\s*$", re.M)


# --- Required topics -------------------------------------------------------------------------

@dataclass(frozen=True)
class Topic:
    """A topic the issue requires. A page covers it when the page is of one of `types`,
    one of `keys` is among its topics or in its title, and its text mentions every entry of
    `mentions` (an entry that is a tuple is satisfied by any one of its phrases)."""

    name: str
    types: tuple[str, ...]
    keys: tuple[str, ...]
    mentions: tuple = ()
    event: tuple[str, str] | None = None  # news: (start, end) dates the page must declare
    extra: dict = field(default_factory=dict, compare=False)


def _contact(name: str) -> str:
    return load_contacts()[name]["value"]


def required_topics() -> list[Topic]:
    g, p, c, k, n = ("guide",), ("principle",), ("commitment",), ("contact",), ("news",)
    return [
        # Bite-size insight guides
        Topic("Why patient experience matters", g, ("why patient experience matters",),
              ("clinical outcomes", ("control over", "charge of"), "own health", "staff experience")),
        Topic("Using feedback to improve services", g, ("using feedback", "use feedback"),
              ("feedback", "improve")),
        Topic("The Friends and Family Test", g, ("friends-and-family-test", "friends and family test"),
              ("friends and family test",)),
        Topic("The GP Patient Survey", g, ("surveys", "gp patient survey"), ("gp patient survey",)),
        Topic("The National Cancer Patient Experience Survey", g, ("surveys", "cancer patient experience survey"),
              ("national cancer patient experience survey",)),
        Topic("The NHS Staff Survey", g, ("surveys", "nhs staff survey"), ("nhs staff survey",)),
        Topic("Always Events: what they are and who developed them", g, ("always-events", "always events"),
              ("every time", "picker", "institute for healthcare improvement")),
        Topic("How a team starts an Always Event", g, ("start an always event", "starting an always event"),
              ("toolkit", "patients", "test")),
        Topic("The patient experience improvement framework", g, ("improvement-framework", "improvement framework"),
              ("care quality commission", "self-assessment")),
        Topic("Listening to people and communities", g, ("communities",),
              ("communities", "king's fund")),
        Topic("Measuring success by experience and outcomes", g, ("measuring-success",),
              ("activity", "outcomes", "experience")),
        Topic("Plain language and alt text on social media", g, ("social-media", "alt text"),
              ("plain language", "alt text", "social media")),
        Topic("Health inequalities", g, ("health inequalities",), ("health inequalities",)),
        Topic("The Accessible Information Standard", g, ("accessible-information", "accessible information standard"),
              ("accessible information standard",)),
        # Co-production principles
        Topic("The three principles for planning the best experience of care", p, ("three principles",),
              (("co-produce", "co-production"), "feedback", ("every plan", "work plan"))),
        Topic("Co-production and co-design in practice", p, ("co-production", "co-design"),
              ("co-production", "co-design")),
        Topic("Lived experience partners", p, ("lived-experience", "lived experience partners"),
              ("lived experience partner",)),
        # Carer commitments
        Topic("The NHS commitment to carers in the Long Term Plan", ("commitment",), ("carers",),
              ("long term plan", "unpaid carer")),
        Topic("What the carers commitment means for unpaid carers", c, ("carers",),
              ("long term plan", ("what it means for carers", "what the nhs commitment means for unpaid carers"))),
        Topic("What the carers commitment means for staff", c, ("carers",),
              ("long term plan", "what it means for staff")),
        # Contact routes
        Topic("Contacting the Experience of Care team", k, ("experience of care team",),
              (_contact("experience_of_care_team_email"),)),
        Topic("Giving feedback to the Care Quality Commission", k, ("cqc", "care quality commission"),
              (_contact("cqc_give_feedback_on_care"), _contact("cqc_deaf_or_hard_of_hearing_and_text_relay"),
               "text relay", _contact("cqc_phone"), "interpreter", _contact("cqc_email"))),
        Topic("Giving feedback to Healthwatch", k, ("healthwatch",), (_contact("healthwatch_have_your_say"),)),
        Topic("Joining the HoPE network and what to send", k, ("hope-network",),
              ("name", "role", "email", "telephone number", "organisation",
               _contact("experience_of_care_team_email"))),
        Topic("Ways to share your experience of care", k, ("ways to share",),
              ("care quality commission", "healthwatch")),
        # Raising a concern: the routes people search for by name
        Topic("The Patient Advice and Liaison Service (PALS)", k, ("pals", "patient advice and liaison service"),
              ("patient advice and liaison service (pals)", "confidential", "most hospitals", "complain",
               _contact("nhs_what_is_pals"))),
        Topic("Complaining about NHS care", k, ("complaints",),
              (("complain to both", "complain to either"), "integrated care board (icb)", "nhs england",
               "complaints procedure", "12 months", "good reason", "advocacy", "council", "healthwatch",
               "3 working days", _contact("nhs_how_to_complain"))),
        Topic("The Parliamentary and Health Service Ombudsman", k, ("ombudsman",),
              ("parliamentary and health service ombudsman (phso)", "final", "12 months", "free",
               _contact("phso_phone"), _contact("phso_website"))),
        # The routes issue 19 found missing: social care, staff speaking up, safeguarding
        Topic("Complaining about adult social care", k, ("social-care", "adult social care"),
              ("care home", "home care", ("council-funded", "council pays"), ("self-funded", "pay for it yourself"),
               "provider", "complaints procedure", "12 months", "local government and social care ombudsman (lgsco)",
               "healthwatch", _contact("gov_uk_find_local_council"))),
        Topic("The Local Government and Social Care Ombudsman", k, ("ombudsman",),
              ("local government and social care ombudsman (lgsco)", "adult social care", "final", "12 months",
               "free", "independent", _contact("lgsco_phone"), _contact("lgsco_website"))),
        Topic("Speaking up at work as NHS staff", k, ("speaking-up", "speak up"),
              ("freedom to speak up (ftsu) guardian", "national guardian's office", "prescribed", "999",
               "public interest disclosure act", _contact("nhs_england_speak_up"),
               _contact("gov_uk_prescribed_persons"))),
        Topic("Raising a safeguarding concern about an adult", k, ("safeguarding",),
              ("999", "101", "adult social care", "section 42 of the care act 2014", "advocate",
               _contact("gov_uk_find_local_council"))),
        # The HoPE network
        Topic("The HoPE network", g, ("hope-network",),
              ("leadership group of 14", "every two weeks", "month", "conference", "policy", "forum")),
        # News and events
        Topic("Experience of Care Week", n, ("experience of care week",), ("26 april",),
              event=("2021-04-26", "2021-04-30")),
        Topic("Share for Better Care Week", n, ("share for better care week",), ("24 february",),
              event=("2025-02-24", "2025-03-02")),
        Topic("The #ExpOfCare tweet chat on Always Events", n, ("tweet chat",), ("#expofcare", "always events"),
              event=("2018-04-26", "2018-04-26")),
    ]


def required_site_pages() -> list[Topic]:
    """Site pages (type `page`) the hub must have: the statements UK public sector sites publish."""
    s = ("page",)
    issues = hub_config.load(ROOT / "mkdocs.yml").hub["repository"].rstrip("/") + "/issues"
    return [
        # The shape the Public Sector Bodies Accessibility Regulations 2018 ask for (GOV.UK's sample).
        Topic("The accessibility statement", s, ("accessibility statement",),
              ("public sector bodies (websites and mobile applications) (no. 2) accessibility regulations 2018",
               "web content accessibility guidelines (wcag) version 2.2", "level aa", ("compliant", "compliance"),
               "keyboard", "screen reader", "zoom", "dark mode",
               "search needs javascript", "a to z", "other websites",
               "another format", issues,
               "equality and human rights commission", "equality advisory and support service (eass)",
               "equality commission for northern ireland",
               "axe-core", "chromium", "skip link", "nu html checker", "this statement in")),
        Topic("The privacy statement", s, ("privacy statement",),
              ("cookies", "analytics", "track", "search", "local storage", "never sent",
               "is this page useful", "email", "github pages", "ip (internet protocol) address",
               "privacy statement")),
    ]


# Pages people start from, and the routes each must link to (by the topics above, not by file).
REQUIRED_LINKS = [
    ("Ways to share your experience of care",
     ("The Patient Advice and Liaison Service (PALS)", "Complaining about NHS care",
      "The Parliamentary and Health Service Ombudsman", "Complaining about adult social care",
      "The Local Government and Social Care Ombudsman", "Speaking up at work as NHS staff",
      "Raising a safeguarding concern about an adult")),
    ("Complaining about NHS care",
     ("The Patient Advice and Liaison Service (PALS)", "The Parliamentary and Health Service Ombudsman",
      "Complaining about adult social care", "Raising a safeguarding concern about an adult")),
    ("The Parliamentary and Health Service Ombudsman", ("The Local Government and Social Care Ombudsman",)),
    ("Complaining about adult social care",
     ("The Local Government and Social Care Ombudsman", "Raising a safeguarding concern about an adult")),
    ("The accessibility statement", ("Contacting the Experience of Care team",)),
]


def _text(page) -> str:
    return " ".join([page.title, page.summary, page.body]).lower().replace("’", "'")


def _event(page) -> tuple[str, str] | None:
    ev = page.meta.get("event")
    if not isinstance(ev, dict) or "start" not in ev:
        return None
    start = ev["start"]
    return str(start), str(ev.get("end", start))


def covers(page, topic: Topic) -> bool:
    if page.type not in topic.types:
        return False
    title, tags = page.title.lower(), {t.lower() for t in page.topics}
    if not any(k in tags or k in title for k in topic.keys):
        return False
    text = _text(page)
    for m in topic.mentions:
        options = m if isinstance(m, tuple) else (m,)
        if not any(o.lower() in text for o in options):
            return False
    return topic.event is None or _event(page) == topic.event


def missing_topics(pages, topics) -> list[str]:
    return [t.name for t in topics if not any(covers(p, t) for p in pages)]


def linked_pages(page) -> set[str]:
    """The src_path of every hub page this page links to (relative .md links, anchors dropped)."""
    out = set()
    for _text_, target in LINK.findall(page.body):
        path = target.split("#")[0]
        if path.endswith(".md") and "://" not in path:
            out.add(posixpath.normpath(posixpath.join(posixpath.dirname(page.src_path), path)))
    return out


def missing_links(pages, topics, required) -> list[str]:
    """For each (from, tos) in `required`: a page covering `from` must link to a page covering each `to`."""
    by_name = {t.name: t for t in topics}
    out = []
    for source, targets in required:
        starts = [p for p in pages if covers(p, by_name[source])]
        if not starts:
            out.append(f"no page covers '{source}'")
            continue
        for target in targets:
            ends = {p.src_path for p in pages if covers(p, by_name[target])}
            if not any(linked_pages(p) & ends for p in starts):
                out.append(f"'{source}' ({', '.join(p.src_path for p in starts)}) links to no page about '{target}'")
    return out


# --- Sources -----------------------------------------------------------------------------------

def sources_links(page) -> list[tuple[str, str]]:
    """(text, url) of each link in the page's `## Sources` section; none if it has no such section."""
    heading = re.search(r"^##\s+Sources\s*$", page.body, re.M)
    if not heading:
        return []
    section = re.split(r"^##\s", page.body[heading.end():], flags=re.M)[0]
    return LINK.findall(section)


def source_problems(page) -> list[str]:
    """A page's Sources section: the last `##` section, listing links to publishers' pages."""
    headings = H2.findall(page.body)
    if "Sources" not in headings:
        return [f"{page.src_path}: no '## Sources' section"]
    problems = []
    if headings[-1] != "Sources":
        problems.append(f"{page.src_path}: '## Sources' is not the last section")
    links = sources_links(page)
    if not links:
        problems.append(f"{page.src_path}: the Sources section lists no links")
    for text, url in links:
        if not url.startswith("https://"):
            problems.append(f"{page.src_path}: source '{text}' is not an https:// address ({url})")
        if not text.strip() or text.strip().rstrip("/") == url.rstrip("/") or text.startswith(("http", "www.")):
            problems.append(f"{page.src_path}: source link text '{text}' does not name the page it goes to")
    return problems


# --- Contact details ---------------------------------------------------------------------------

def load_contacts(path: Path = CONTACTS) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["contacts"]


def _digits(number: str) -> str:
    d = re.sub(r"\D", "", number)
    return "0" + d[2:] if d.startswith("44") else d


def contact_problems(page, contacts: dict) -> list[str]:
    """Every tel:/mailto: link, channel value, phone number and email address in a page must be
    a canonical one, written exactly as declared; phone numbers and addresses must be links."""
    phones = {_digits(c["value"]): c["value"] for c in contacts.values() if c["kind"] == "phone"}
    emails = {c["value"].lower(): c["value"] for c in contacts.values() if c["kind"] == "email"}
    values = {c["value"] for c in contacts.values()}
    where, out = page.src_path, []

    for text, target in LINK.findall(page.body):
        if target.startswith("tel:"):
            canonical = phones.get(_digits(target[4:]))
            if canonical is None:
                out.append(f"{where}: phone link {target} is not a declared contact number ({', '.join(phones.values())})")
            elif text != canonical:
                out.append(f"{where}: phone link text '{text}' should read exactly '{canonical}'")
        elif target.startswith("mailto:"):
            address = target[7:].split("?")[0]
            canonical = emails.get(address.lower())
            if canonical is None or address != canonical:
                out.append(f"{where}: email link {target} is not a declared contact address ({', '.join(emails.values())})")
            elif text != canonical:
                out.append(f"{where}: email link text '{text}' should read exactly '{canonical}'")

    for ch in page.meta.get("channels") or []:
        value = str(ch.get("value", ""))
        if value not in values:
            out.append(f"{where}: channel '{ch.get('label')}' has value '{value}', which is not declared in contacts.yml")
        kind = ch.get("kind")
        if kind in ("phone", "interpreter", "textphone") and _digits(value) not in phones:
            out.append(f"{where}: channel '{ch.get('label')}' ({kind}) is not a declared phone number")

    # Numbers and addresses written outside links: they must be declared, and they must be links.
    prose = LINK.sub(" ", page.body)
    for number in PHONE_TEXT.findall(prose):
        out.append(f"{where}: phone number '{number}' is not a tel: link"
                   + ("" if _digits(number) in phones else ", and is not a declared contact number"))
    for address in EMAIL_TEXT.findall(prose):
        if address.startswith("@"):
            continue
        out.append(f"{where}: email address '{address}' is not a mailto: link"
                   + ("" if address.lower() in emails else ", and is not a declared contact address"))
    return out


def _uses(page, contact: dict) -> bool:
    """Whether the page gives this contact detail: as a channel, a tel:/mailto: link or a link target."""
    value = contact["value"]
    if any(str(ch.get("value", "")) == value for ch in page.meta.get("channels") or []):
        return True
    for _text_, target in LINK.findall(page.body):
        if contact["kind"] == "phone" and target.startswith("tel:"):
            if _digits(target[4:]) == _digits(value):
                return True
        elif target.removeprefix("mailto:") == value:
            return True
    return False


def contact_source_problems(page, contacts: dict) -> list[str]:
    """A page that gives a detail declared with `source:` (not from the seed documents) must name
    that official page in its Sources section, so a reader and a reviewer can check the detail."""
    cited = {url.rstrip("/") for _text_, url in sources_links(page)}
    return [f"{page.src_path}: gives {name} ({c['value']}) but its Sources section does not list {c['source']}"
            for name, c in contacts.items()
            if "source" in c and _uses(page, c) and c["source"].rstrip("/") not in cited]


# --- Tests on the real content -------------------------------------------------------------------

@pytest.fixture(scope="module")
def site():
    return load_site(CONTENT, ROOT)


@pytest.fixture(scope="module")
def content_pages(site):
    return [p for p in site.pages if p.type != "page"]


def test_there_are_enough_pages(content_pages):
    assert len(content_pages) >= MIN_PAGES, f"{len(content_pages)} content pages; the hub needs at least {MIN_PAGES}"


def test_every_required_topic_has_a_page(content_pages):
    missing = missing_topics(content_pages, required_topics())
    assert not missing, "no page covers: " + "; ".join(missing)


def test_the_required_site_pages_exist(site):
    missing = missing_topics([p for p in site.pages if p.type == "page"], required_site_pages())
    assert not missing, "no site page covers: " + "; ".join(missing)


def test_pages_people_start_from_link_to_the_routes_they_need(site):
    problems = missing_links(site.pages, required_topics() + required_site_pages(), REQUIRED_LINKS)
    assert not problems, "\n".join(problems)


def _wcag_versions(tags) -> set[str]:
    """'wcag2a', 'wcag21aa', 'wcag22aa' -> {'2.0', '2.1', '2.2'}."""
    return {f"{m[1]}.{m[2] or 0}" for m in (re.fullmatch(r"wcag(\d)(\d?)a+", t) for t in tags) if m}


def test_accessibility_statement_describes_the_checks_the_hub_runs(site):
    """The statement says how the site is tested; it must change when the accessibility check does."""
    topic = next(t for t in required_site_pages() if t.name == "The accessibility statement")
    statement = next((p for p in site.pages if covers(p, topic)), None)
    assert statement, "no accessibility statement (see test_the_required_site_pages_exist)"
    text = _text(statement)
    missing = [f"{w:,} pixels" for w in sorted({v.width for v in a11y.VIEWS}) if f"{w:,} pixels" not in text]
    missing += [f"{s} mode" for s in sorted({v.scheme for v in a11y.VIEWS}) if f"{s} mode" not in text]
    missing += [f"WCAG {v}" for v in sorted(_wcag_versions(a11y.AXE_TAGS)) if v not in text]
    assert not missing, f"{statement.src_path} does not describe what the check runs: {missing}"


def test_every_page_cites_its_sources(content_pages):
    problems = [p for page in content_pages for p in source_problems(page)]
    assert not problems, "\n".join(problems)


def test_pages_cite_the_official_source_of_each_contact_detail(site):
    contacts = load_contacts()
    problems = [p for page in site.pages for p in contact_source_problems(page, contacts)]
    assert not problems, "\n".join(problems)


def test_contact_details_match_the_canonical_ones(site):
    contacts = load_contacts()
    problems = [p for page in site.pages for p in contact_problems(page, contacts)]
    assert not problems, "\n".join(problems)


def test_every_declared_contact_is_used_on_a_contact_page(content_pages):
    used = {str(ch.get("value")) for p in content_pages if p.type == "contact" for ch in p.meta.get("channels") or []}
    unused = [name for name, c in load_contacts().items() if c["value"] not in used]
    assert not unused, f"declared but on no contact page's channels: {unused}"


def test_every_contact_names_one_source():
    problems = []
    for name, c in load_contacts().items():
        if ("seed" in c) == ("source" in c):
            problems.append(f"{name}: give either seed (a source document) or source (an official web page), not both or neither")
        if "source" in c and not str(c["source"]).startswith("https://"):
            problems.append(f"{name}: source '{c['source']}' is not an https:// address")
    assert not problems, "\n".join(problems)


def test_canonical_contacts_are_written_as_the_source_gives_them():
    if not SEEDS.is_dir():
        pytest.skip(f"the source documents are not here ({SEEDS})")
    problems = []
    for name, c in load_contacts().items():
        if "seed" not in c:
            continue  # from an official web page instead: see test_pages_cite_the_official_source_of_each_contact_detail
        seed = SEEDS / c["seed"]
        if not seed.is_file():
            problems.append(f"{name}: source document {c['seed']} not found")
            continue
        as_written = c.get("seed_text", c["value"])
        if as_written not in seed.read_text(encoding="utf-8"):
            problems.append(f"{name}: '{as_written}' does not appear in {c['seed']}")
        if c["value"] not in (as_written, "https://" + as_written):
            problems.append(f"{name}: value '{c['value']}' differs from the source's '{as_written}'")
    assert not problems, "\n".join(problems)


def test_no_page_invents_a_contact_detail_for_the_hope_network(content_pages):
    """The HoPE source gives no address of its own: pages must not make one up."""
    for page in content_pages:
        for address in EMAIL_TEXT.findall(page.body):
            assert "hope" not in address.lower(), f"{page.src_path}: '{address}' is not in any source"


def test_news_events_have_dates_in_order(content_pages):
    for page in (p for p in content_pages if p.type == "news"):
        assert page.date("published"), f"{page.src_path}: no published date"
        if _event(page):
            start, end = (dt.date.fromisoformat(d) for d in _event(page))
            assert start <= end, page.src_path


# --- The checkers themselves catch what they should ------------------------------------------------

def fake_page(body: str, *, type="contact", title="A page", topics=(), channels=None, event=None, src="x/a.md"):
    meta = {"channels": channels or []}
    if event:
        meta["event"] = event
    return SimpleNamespace(src_path=src, type=type, title=title, summary="", topics=list(topics), body=body, meta=meta)


CANON = {
    "phone": {"kind": "phone", "value": "03000 616161"},
    "email": {"kind": "email", "value": "enquiries@cqc.org.uk"},
    "web": {"kind": "web", "value": "https://www.cqc.org.uk/give-feedback-on-care"},
}


def test_contact_checker_accepts_canonical_links():
    page = fake_page("Call [03000 616161](tel:03000616161) or [+44 form](https://example.org). "
                     "Email [enquiries@cqc.org.uk](mailto:enquiries@cqc.org.uk).",
                     channels=[{"kind": "phone", "label": "Phone", "value": "03000 616161"}])
    assert contact_problems(page, CANON) == []


@pytest.mark.parametrize("body, channels, expected", [
    ("Call [03000 616162](tel:03000616162).", None, "not a declared contact number"),
    ("Call [03000616161](tel:03000616161).", None, "should read exactly '03000 616161'"),
    ("Email [us](mailto:enquiries@cqc.org.uk).", None, "should read exactly 'enquiries@cqc.org.uk'"),
    ("Email [x@cqc.org.uk](mailto:x@cqc.org.uk).", None, "not a declared contact address"),
    ("Call 03000 616161 today.", None, "is not a tel: link"),
    ("Call 0300 0616 162 today.", None, "not a declared contact number"),
    ("Write to enquiries@cqc.org.uk today.", None, "is not a mailto: link"),
    ("Text.", [{"kind": "phone", "label": "Phone", "value": "03000 616 161"}], "not declared in contacts.yml"),
    ("Text.", [{"kind": "web", "label": "Form", "value": "https://www.cqc.org.uk/give-feedback"}], "not declared"),
])
def test_contact_checker_catches_a_detail_that_differs(body, channels, expected):
    problems = contact_problems(fake_page(body, channels=channels), CANON)
    assert any(expected in p for p in problems), problems


def test_topics_are_found_by_subject_not_file_name():
    topic = Topic("The Friends and Family Test", ("guide",), ("friends-and-family-test", "friends and family test"),
                  ("friends and family test",))
    by_tag = fake_page("The Friends and Family Test asks one question.", type="guide",
                       topics=["friends-and-family-test"], src="guides/quick-feedback.md")
    by_title = fake_page("It asks about the Friends and Family Test.", type="guide",
                         title="About the Friends and Family Test", src="guides/zzz.md")
    off_topic = fake_page("A guide about surveys.", type="guide", topics=["surveys"], src="guides/friends-and-family-test.md")
    wrong_type = fake_page("The Friends and Family Test.", type="news", topics=["friends-and-family-test"])
    assert missing_topics([by_tag], [topic]) == []
    assert missing_topics([by_title], [topic]) == []
    assert missing_topics([off_topic, wrong_type], [topic]) == ["The Friends and Family Test"]


def test_topic_needs_its_facts_and_event_dates():
    topic = Topic("Week", ("news",), ("care week",), ("26 april",), event=("2021-04-26", "2021-04-30"))
    right = fake_page("From 26 April.", type="news", title="Care Week", event={"start": "2021-04-26", "end": "2021-04-30"})
    wrong_dates = fake_page("From 26 April.", type="news", title="Care Week", event={"start": "2021-04-26", "end": "2021-04-29"})
    no_fact = fake_page("Some time.", type="news", title="Care Week", event={"start": "2021-04-26", "end": "2021-04-30"})
    assert covers(right, topic) and not covers(wrong_dates, topic) and not covers(no_fact, topic)


@pytest.mark.parametrize("body, expected", [
    ("## About\n\nText.\n", "no '## Sources' section"),
    ("## Sources\n\n- [NHS England](https://www.england.nhs.uk/)\n\n## More\n\nText.\n", "is not the last section"),
    ("## Sources\n\nSee the NHS England website.\n", "lists no links"),
    ("## Sources\n\n- [https://www.england.nhs.uk/](https://www.england.nhs.uk/)\n", "does not name the page"),
    ("## Sources\n\n- [NHS England](http://www.england.nhs.uk/)\n", "is not an https:// address"),
])
def test_sources_checker_catches_missing_or_weak_sources(body, expected):
    problems = source_problems(fake_page(body))
    assert any(expected in p for p in problems), problems


def test_sources_checker_accepts_a_good_section():
    assert source_problems(fake_page("## What\n\nText.\n\n## Sources\n\n- [NHS England: Experience of care]"
                                     "(https://www.england.nhs.uk/experience-of-care/)\n")) == []


def test_link_checker_finds_routes_by_subject_and_resolves_relative_paths():
    start = Topic("Start", ("contact",), ("start",), ("begin",))
    route = Topic("Route", ("contact",), ("route",), ("the way",))
    linking = fake_page("Begin with [the way](../contact/b.md#part).", title="Start here", src="contact/a.md")
    not_linking = fake_page("Begin with [another page](c.md).", title="Start here", src="contact/a.md")
    target = fake_page("This is the way.", title="The route", src="contact/b.md")
    off_topic = fake_page("Nothing here.", title="Other", src="contact/c.md")
    required = [("Start", ("Route",))]
    assert missing_links([linking, target, off_topic], [start, route], required) == []
    assert missing_links([not_linking, target, off_topic], [start, route], required) == [
        "'Start' (contact/a.md) links to no page about 'Route'"]
    assert missing_links([target], [start, route], required) == ["no page covers 'Start'"]


SOURCED = {"helpline": {"kind": "phone", "value": "0345 015 4033", "source": "https://example.org/contact-us"},
           "form": {"kind": "web", "value": "https://example.org/form", "source": "https://example.org/form"},
           "seeded": {"kind": "email", "value": "a@nhs.net", "seed": "001.txt"}}


@pytest.mark.parametrize("body, channels, names", [
    ("Call [0345 015 4033](tel:03450154033).\n\n## Sources\n\n- [Other](https://example.org/other)\n", None, ["helpline"]),
    ("Text.\n\n## Sources\n\n- [Other](https://example.org/other)\n",
     [{"kind": "web", "label": "Form", "value": "https://example.org/form"}], ["form"]),
    ("Use [the form](https://example.org/form). No sources.\n", None, ["form"]),
])
def test_contact_source_checker_catches_an_uncited_detail(body, channels, names):
    problems = contact_source_problems(fake_page(body, channels=channels), SOURCED)
    assert [n for n in SOURCED if any(f"gives {n} " in p for p in problems)] == names, problems


def test_contact_source_checker_accepts_a_cited_detail_and_ignores_seeded_ones():
    body = ("Call [0345 015 4033](tel:03450154033) or email [a@nhs.net](mailto:a@nhs.net).\n\n"
            "## Sources\n\n- [Example: Contact us](https://example.org/contact-us/)\n")
    assert contact_source_problems(fake_page(body), SOURCED) == []


def test_wcag_versions_are_read_from_the_axe_tags():
    assert _wcag_versions(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]) == {"2.0", "2.1", "2.2"}
