"""Related pages: which pages, in which order, and never the page itself or a site page."""
from __future__ import annotations

import random
from pathlib import Path

from hub.content import Page, Site, load_site
from hub.content.related import related


def page(src: str, title: str, topics, page_type: str) -> Page:
    return Page(Path("/c") / src, src, {"title": title, "topics": topics}, {}, "", 1, page_type)


def site(*pages: Page) -> Site:
    return Site(Path("/c"), list(pages))


GUIDE = page("guides/feedback.md", "Using feedback", ["feedback", "surveys", "co-production"], "guide")
PAGES = [
    GUIDE,
    page("guides/surveys.md", "Surveys", ["surveys", "feedback"], "guide"),  # 2 shared, same type
    page("news/survey-week.md", "Survey week", ["Feedback ", "SURVEYS"], "news"),  # 2 shared, written differently
    page("principles/together.md", "Working together", ["co-production"], "principle"),  # 1 shared
    page("guides/the-alpha.md", "The alpha guide", ["feedback"], "guide"),  # 1 shared, same type: before the principle
    page("guides/unrelated.md", "Unrelated", ["carers"], "guide"),  # nothing shared
    page("index.md", "Home", ["feedback", "surveys", "co-production"], "page"),  # a site page: never suggested
    page("topics.md", "Topics", ["feedback", "surveys", "co-production"], "page"),
]


def test_ranked_by_shared_topics_then_same_type_then_title():
    got = related(GUIDE, site(*PAGES), limit=10)
    assert [p.src_path for p in got] == [
        "guides/surveys.md", "news/survey-week.md", "guides/the-alpha.md", "principles/together.md"]


def test_at_most_three_by_default_and_never_itself_or_a_site_page():
    got = related(GUIDE, site(*PAGES))
    assert len(got) == 3
    assert GUIDE not in got and all(p.type != "page" for p in got)


def test_same_topics_same_answer_whatever_the_order_pages_were_read():
    expected = [p.src_path for p in related(GUIDE, site(*PAGES), limit=10)]
    shuffled = PAGES[:]
    for seed in range(20):
        random.Random(seed).shuffle(shuffled)
        assert [p.src_path for p in related(GUIDE, site(*shuffled), limit=10)] == expected


def test_titles_sort_as_the_a_to_z_files_them():
    a = page("guides/a.md", "A", ["x"], "guide")
    got = related(a, site(a, page("guides/z.md", "The Zebra", ["x"], "guide"),
                          page("guides/m.md", "Monkeys", ["x"], "guide")))
    assert [p.title for p in got] == ["Monkeys", "The Zebra"]  # 'The Zebra' files under Z


def test_a_page_without_topics_or_with_nothing_shared_has_none():
    lonely = page("guides/lonely.md", "Lonely", [], "guide")
    assert related(lonely, site(lonely, *PAGES)) == []
    assert related(PAGES[5], site(*PAGES)) == []
    assert related(GUIDE, site(*PAGES), limit=0) == []


def test_a_duplicate_copy_of_the_page_is_not_suggested():
    """The page is matched by its file, not by object identity (engines may load their own copy)."""
    copy = page(GUIDE.src_path, GUIDE.title, GUIDE.topics, GUIDE.type)
    assert all(p.src_path != GUIDE.src_path for p in related(copy, site(*PAGES)))


def test_every_real_content_page_gets_related_pages():
    real = load_site(Path(__file__).resolve().parent.parent / "content")
    for p in real.pages:
        got = related(p, real)
        assert p not in got and len(got) <= 3
        assert all(o.type != "page" and set(o.topics) & set(p.topics) for o in got)


def test_the_same_choice_as_comparing_every_page_with_every_other():
    """Pages are ranked only against pages that share a topic, and share answers; the choice is unchanged."""
    from hub.content.indexes import filing_title
    from hub.content.related import topic_set

    rng = random.Random(7)
    topics = ["feedback", "surveys", "carers", "co-production", "pals"]
    types = ["guide", "principle", "news", "contact"]
    pages = [page(f"x/p{i}.md", rng.choice(["The ", ""]) + f"Page {rng.randint(0, 40)}",
                  rng.sample(topics, rng.randint(0, 3)), rng.choice(types)) for i in range(300)]
    everything = site(*pages)

    def by_brute_force(p):
        mine = topic_set(p)
        scored = [(-len(mine & topic_set(o)), o.type != p.type, filing_title(o.title).casefold(), o.src_path, o)
                  for o in pages if o is not p and len(mine & topic_set(o))]
        return [s[-1].src_path for s in sorted(scored, key=lambda s: s[:4])[:3]]

    for p in pages:
        assert [o.src_path for o in related(p, everything)] == by_brute_force(p)
