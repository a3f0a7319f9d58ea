"""Structured data: a schema.org JSON-LD description of each page, for search engines.

`structured_data()` returns plain data; `hub.security.script_json()` turns it into text
that is safe inside `<script type="application/ld+json">`. Both engines put
the same block on a page, from front matter alone.

What each type of page is, in schema.org terms:

- Guides, principles, commitments and contact routes are health and care
  guidance: `MedicalWebPage`. Site pages (home, search, help) are `WebPage`.
- A news item is a `NewsArticle`. `lastReviewed` belongs to a web page, not to
  an article, so the article's `mainEntityOfPage` is the `WebPage` that carries it.
- A news item with `event:` in its front matter describes an event, so it is an
  `Event` with its dates, and the news article is its `subjectOf`.

Events have no `location` or `eventAttendanceMode`. The content model does not
record where an event happened, and `VirtualLocation` with this page's address
would say the event took place on the hub, which is not true. Google shows event
rich results only with a location; adding a `location` key to the `event`
front matter would be the way to earn them.

Audiences, from the front matter's `audience`:

- public: `PeopleAudience` ("Patients, carers and the public"). schema.org's
  `Patient` means someone receiving care, which leaves out carers and everyone else.
- staff: `MedicalAudience` ("Health and care staff"), schema.org's type for the
  audience of a medical web page. Its `Clinician` value would be wrong for the
  many NHS staff who are not clinicians, such as patient experience leads.
"""
from __future__ import annotations

from urllib.parse import urljoin

from hub.security import LANGUAGE

from .facts import iso_date
from .frontmatter import parse_date
from .model import url_for

CONTEXT = "https://schema.org"

GUIDANCE = ("guide", "principle", "commitment", "contact")

AUDIENCES = {
    "public": {"@type": "PeopleAudience", "audienceType": "Patients, carers and the public"},
    "staff": {"@type": "MedicalAudience", "audienceType": "Health and care staff"},
}


def schema_type(meta: dict, page_type: str) -> str:
    if page_type == "news":
        return "Event" if _event(meta) else "NewsArticle"
    return "MedicalWebPage" if page_type in GUIDANCE else "WebPage"


def structured_data(meta: dict, page_type: str, src_path: str, site_url: str, publisher) -> dict:
    """The JSON-LD object for one page.

    `meta` is its front matter, `src_path` its path in content/ (guides/x.md),
    `site_url` the site's address (mkdocs.yml site_url) and `publisher` a
    hub.config.Publisher. The page's `url` is always its address on the web,
    also in the offline copy, because that is the page's identity.
    """
    kind = schema_type(meta, page_type)
    url = web_address(site_url, src_path)
    page = _common(meta, url) | {
        "@type": "WebPage",
        "lastReviewed": iso_date(meta.get("last_reviewed")),
        "publisher": _organisation(publisher),
    }
    if kind in ("WebPage", "MedicalWebPage"):
        return _clean({"@context": CONTEXT, "@id": url, **page, "@type": kind})

    article = _common(meta, url) | {
        "@type": "NewsArticle",
        "headline": str(meta.get("title", "")),
        "datePublished": iso_date(meta.get("published")),
        "publisher": _organisation(publisher),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url, "url": url,
                             "lastReviewed": page["lastReviewed"]},
    }
    if kind == "NewsArticle":
        return _clean({"@context": CONTEXT, **article})

    event = _event(meta)
    return _clean({"@context": CONTEXT, **_common(meta, url), "@type": "Event",
                   "startDate": iso_date(event.get("start")),
                   "endDate": iso_date(event.get("end") or event.get("start")),
                   "subjectOf": article})


def web_address(site_url: str, src_path: str) -> str:
    """A page's full address on the web (guides/x.md -> https://…/guides/x/); '' with no site_url."""
    return urljoin(site_url, url_for(src_path)) if site_url else ""


def _common(meta: dict, url: str) -> dict:
    return {
        "name": str(meta.get("title", "")),
        "description": str(meta.get("summary", "")),
        "url": url,
        "inLanguage": LANGUAGE,
        "audience": _audience(meta.get("audience")),
    }


def _audience(value) -> list[dict]:
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [dict(AUDIENCES[a]) for a in items if a in AUDIENCES]


def _organisation(publisher) -> dict:
    return {"@type": "Organization", "name": publisher.name, "url": publisher.url}


def _event(meta: dict) -> dict | None:
    event = meta.get("event")
    return event if isinstance(event, dict) and parse_date(event.get("start")) else None


def _clean(data):
    """Leave out empty values: a missing date is better unsaid than said as ''."""
    if isinstance(data, dict):
        return {k: _clean(v) for k, v in data.items() if v not in ("", None, [], {})}
    if isinstance(data, list):
        return [_clean(v) for v in data]
    return data

