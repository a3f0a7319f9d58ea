"""The review report (`build.py review`): order, status, both formats, and hostile titles."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from checks_fixtures import OWNER, write_owners
from markdown_it import MarkdownIt

from hub import config as hub_config
from hub.content import load_site, review

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)


def write(content: Path, rel: str, title: str, next_review: str, last_reviewed: str = "2025-01-01") -> None:
    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    kind = {"guides": "guide", "principles": "principle"}.get(rel.split("/")[0], "page")
    write_owners(content)
    owner = "carers" if kind == "principle" else OWNER
    path.write_text(f"---\ntitle: {title}\nsummary: A page.\ntype: {kind}\naudience: [public]\ntopics: [care]\n"
                    f"owner: {owner}\nlast_reviewed: {last_reviewed}\nnext_review: {next_review}\n---\n\nText.\n",
                    encoding="utf-8")


@pytest.fixture
def content(tmp_path):
    c = tmp_path / "content"
    write(c, "guides/later.md", "Later", "2027-06-01")
    write(c, "guides/overdue.md", "Overdue", "2026-10-01")
    write(c, "guides/due-today.md", "Due today", "2026-11-22")
    write(c, "principles/edge.md", "Edge of the window", "2027-01-21")  # today + 60 days
    write(c, "guides/just-after.md", "Just after", "2027-01-22")  # today + 61 days
    write(c, "guides/no-date.md", "No date", "2026-02-30", last_reviewed="2025-02-01")
    write(c, "index.md", "Home", "2026-12-01")
    (c / "guides/broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    return c


def test_rows_are_soonest_first_with_unknown_dates_at_the_top(content, tmp_path):
    rows = review.rows(load_site(content, tmp_path), TODAY, 60, repo=tmp_path)
    assert [(r.status, r.title, r.path) for r in rows] == [
        ("cannot read", "", "content/guides/broken.md"),
        ("no date", "No date", "content/guides/no-date.md"),
        ("overdue", "Overdue", "content/guides/overdue.md"),
        ("due soon", "Due today", "content/guides/due-today.md"),
        ("due soon", "Home", "content/index.md"),
        ("due soon", "Edge of the window", "content/principles/edge.md"),
        ("not due", "Just after", "content/guides/just-after.md"),
        ("not due", "Later", "content/guides/later.md"),
    ]
    assert rows[2].next_review == dt.date(2026, 10, 1)
    assert [r.title for r in review.due(rows)][-1] == "Edge of the window"


def test_the_window_is_configurable(content, tmp_path):
    rows = review.rows(load_site(content, tmp_path), TODAY, 0, repo=tmp_path)
    assert [r.title for r in rows if r.status == "due soon"] == ["Due today"]
    assert with_review({"due_soon_days": 30}).due_soon_days == 30
    assert with_review(None).due_soon_days == 60


def with_review(block):
    from hub.config import HubConfig

    raw = {"extra": {"hub": {"review": block} if block is not None else {}}}
    return HubConfig(Path("mkdocs.yml").resolve(), raw)


@pytest.mark.parametrize("bad", ["60", -1, 1.5, True])
def test_a_bad_window_in_mkdocs_yml_names_the_key(bad):
    from hub.config import ConfigError

    with pytest.raises(ConfigError, match=r"mkdocs.yml: extra.hub.review.due_soon_days is .* fix: give a whole number"):
        with_review({"due_soon_days": bad}).due_soon_days


def test_text_table_is_aligned_and_ends_with_a_summary(content, tmp_path):
    rows = review.rows(load_site(content, tmp_path), TODAY, 60, repo=tmp_path)
    lines = review.as_text(rows, TODAY, 60).splitlines()
    assert lines[0].split() == ["Status", "Next", "review", "Owner", "Title", "File"]
    assert "Experience of Care team" in lines[2] and "Carers' commitments group" in lines[6]
    starts = {line.index("content/") for line in lines[1:len(rows) + 1]}
    assert len(starts) == 1 and lines[0].index("File") in starts  # one column, lined up under its heading
    assert lines[-1] == ("8 pages: 1 overdue, 3 due by 2027-01-21 (60 days from 2026-11-22), 1 with no readable "
                         "review date, 1 that cannot be read (run python build.py check).")


def _cells(markdown: str) -> list[list[str]]:
    """The table's rows as the text of each cell, parsed by a CommonMark parser with GFM tables."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    table, row = [], None
    for i, t in enumerate(tokens):
        if t.type == "tr_open":
            row = []
            table.append(row)
        elif t.type == "inline" and row is not None and tokens[i - 1].type in ("td_open", "th_open"):
            row.append(t.children)
    return table


HOSTILE = [
    'Pipes | break | tables',
    '[a link](https://evil.example)',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '**bold** _em_ ``code`` `',
    '@someone please look &amp; https://evil.example',
    'Back\\slash \\| pipe',
    'Line\nbreak | and \x1b[2J escape',
]


@pytest.mark.parametrize("title", HOSTILE)
def test_markdown_shows_a_hostile_title_as_typed_in_one_cell(title):
    rows = [review.Row("overdue", dt.date(2026, 1, 1), title, "content/guides/x|y`.md")]
    md = review.as_markdown(rows, TODAY, 60)
    table = _cells(md)
    assert len(table) == 2 and all(len(r) == 4 for r in table)
    status, date, title_cell, file_cell = table[1]
    # Each cell is nothing but one code span: no link, HTML, emphasis or mention can form.
    for cell in (title_cell, file_cell):
        assert [t.type for t in cell] == ["code_inline"]
    assert title_cell[0].content == "".join(ch if ch.isprintable() else " " for ch in title).strip()
    assert file_cell[0].content == "content/guides/x|y`.md"
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "\x1b" not in md


def test_markdown_has_a_table_only_when_there_are_rows():
    """The review-dates workflow closes its issue when no line starts with '| '."""
    empty = review.as_markdown([], TODAY, 60)
    assert not any(line.startswith("| ") for line in empty.splitlines())
    assert empty == "No page is overdue or due for review by 2027-01-21."
    one = review.as_markdown([review.Row("overdue", dt.date(2026, 1, 1), "T", "content/t.md")], TODAY, 60)
    assert sum(line.startswith("| ") for line in one.splitlines()) == 3


def test_markdown_stops_before_github_refuses_the_issue():
    rows = [review.Row("overdue", dt.date(2026, 1, 1), "T" * 5000, f"content/guides/{i}.md") for i in range(500)]
    md = review.as_markdown(rows, TODAY, 60)
    assert len(md) < 65536
    assert len(_cells(md)) == review.MARKDOWN_MAX_ROWS + 1
    assert "…and 300 more: run `python build.py review` to see them all." in md


def test_terminal_output_cannot_carry_escape_codes():
    rows = [review.Row("overdue", dt.date(2026, 1, 1), "Title\x1b[2J\r\x07", "content/a\x1b.md")]
    out = review.as_text(rows, TODAY, 60)
    assert all(ch.isprintable() or ch == "\n" for ch in out)


def run(*args, today="2026-11-22"):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "HUB_TODAY": today})


def test_cli_reports_and_exits_0(content, tmp_path):
    cfg = hub_config.write_copy(content, tmp_path / "mkdocs.yml")
    text = run("--config", str(cfg), "review")
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines()[1].startswith("cannot read")
    assert "content/guides/later.md" in text.stdout
    md = run("--config", str(cfg), "review", "--markdown", "--due", "--days", "0")
    assert md.returncode == 0
    # One table per owner, headed by its name and GitHub account, so the team is told; no owner last.
    headings = [line for line in md.stdout.splitlines() if line.startswith("### ")]
    assert headings == ["### Experience of Care team (@experience-of-care/experience-of-care-team)", "### No owner"]
    table = [r for r in _cells(md.stdout) if r[0][0].type == "text" or r[0][0].content != "Status"]
    statuses = [r[0][0].content for r in table if r[0] and r[0][0].content != "Status"]
    assert statuses == ["no date", "overdue", "due soon", "cannot read"]
    assert "later.md" not in md.stdout


def test_cli_lists_one_owners_pages(content, tmp_path):
    cfg = hub_config.write_copy(content, tmp_path / "mkdocs.yml")
    out = run("--config", str(cfg), "review", "--owner", "carers")
    assert out.returncode == 0 and "Edge of the window" in out.stdout and "Overdue" not in out.stdout
    assert out.stdout.strip().endswith("1 page: 0 overdue, 1 due by 2027-01-21 (60 days from 2026-11-22).")
    bad = run("--config", str(cfg), "review", "--owner", "carer")
    assert bad.returncode == 1 and "there is no owner 'carer'" in bad.stderr and "did you mean 'carers'?" in bad.stderr


def test_only_an_owners_github_account_is_a_mention():
    rows = [review.Row("overdue", dt.date(2026, 1, 1), "@someone look", "content/guides/x.md", "team",
                       "Team <b> @name", "@org/team")]
    md = review.as_markdown(rows, TODAY, 60)
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "### Team \\<b\\> \\@name (@org/team)" in md and "<b>" not in html


def test_cli_window_comes_from_mkdocs_yml(content, tmp_path):
    def edit(raw):
        raw["extra"]["hub"]["review"] = {"due_soon_days": 0}
    cfg = hub_config.write_copy(content, tmp_path / "mkdocs.yml", edit)
    out = run("--config", str(cfg), "review", "--due")
    assert "Due today" in out.stdout and "Edge of the window" not in out.stdout
    assert "(0 days from 2026-11-22)" in out.stdout

    def bad(raw):
        raw["extra"]["hub"]["review"] = {"due_soon_days": "soon"}
    cfg = hub_config.write_copy(content, tmp_path / "mkdocs.yml", bad)
    out = run("--config", str(cfg), "review")
    assert out.returncode == 1 and "extra.hub.review.due_soon_days is 'soon'" in out.stderr


def test_cli_refuses_a_window_that_is_not_a_number(content, tmp_path):
    out = run("review", "--days", "-5")
    assert out.returncode == 2 and "'-5' is not a whole number of days" in out.stderr


# ---- The review-dates workflow's script, run by Node.js against a stand-in for GitHub's API ----

HARNESS = r"""
const fs = require('fs');
const [script, state] = [fs.readFileSync(process.argv[2], 'utf8'), JSON.parse(process.argv[3])];
const calls = [];
const api = (name, reply) => async (params) => { calls.push([name, params]); return reply(params); };
const github = {
  paginate: async (fn, params) => (await fn(params)).data,
  rest: { issues: {
    listForRepo: api('listForRepo', () => ({ data: state.open })),
    createComment: api('createComment', () => ({})),
    update: api('update', () => ({})),
    getLabel: api('getLabel', () => { if (!state.label) { const e = new Error('Not Found'); e.status = 404; throw e; } }),
    createLabel: api('createLabel', () => ({})),
    create: api('create', () => ({ data: { number: 99 } })),
  } },
};
const context = { repo: { owner: 'o', repo: 'r' }, serverUrl: 'https://github.com', runId: 7 };
const core = { info: () => {} };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction('require', 'github', 'context', 'core', script)(require, github, context, core)
  .then(() => console.log(JSON.stringify(calls)));
"""


def workflow_script() -> str:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/review-dates.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["review-dates"]["steps"]
    return next(s for s in steps if s.get("uses", "").startswith("actions/github-script@"))["with"]["script"]


def run_workflow_script(tmp_path, report: str, open_issues: list[int], label: bool = True) -> list:
    import json
    import shutil

    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (setup.sh needs it too)")
    (tmp_path / "review.md").write_text(report, encoding="utf-8")
    (tmp_path / "script.js").write_text(workflow_script(), encoding="utf-8")
    (tmp_path / "harness.js").write_text(HARNESS, encoding="utf-8")
    state = {"open": [{"number": n} for n in open_issues], "label": label}
    out = subprocess.run([node, str(tmp_path / "harness.js"), str(tmp_path / "script.js"), json.dumps(state)],
                         capture_output=True, text=True, timeout=30, env={**os.environ, "RUNNER_TEMP": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    return [(name, params) for name, params in json.loads(out.stdout) if name != "listForRepo"]


DUE = review.as_markdown([review.Row("overdue", dt.date(2026, 1, 1), "T", "content/t.md")], TODAY, 60)


def test_workflow_opens_one_labelled_issue_when_pages_are_due(tmp_path):
    calls = run_workflow_script(tmp_path, DUE, [], label=False)
    assert [c[0] for c in calls] == ["getLabel", "createLabel", "create"]
    created = calls[-1][1]
    assert created["labels"] == ["review-dates"] and created["body"].startswith(DUE)


def test_workflow_updates_the_open_issue_and_closes_duplicates(tmp_path):
    calls = run_workflow_script(tmp_path, DUE, [12, 5])
    assert [(c[0], c[1]["issue_number"], c[1].get("state")) for c in calls] == [
        ("update", 5, None), ("update", 12, "closed")]
    assert calls[0][1]["body"].startswith(DUE)


def test_workflow_closes_the_issue_when_nothing_is_due(tmp_path):
    calls = run_workflow_script(tmp_path, review.as_markdown([], TODAY, 60), [5])
    assert [(c[0], c[1].get("state")) for c in calls] == [("createComment", None), ("update", "closed")]
    assert run_workflow_script(tmp_path, review.as_markdown([], TODAY, 60), []) == []


def test_withdrawn_pages_are_listed_and_marked(content, tmp_path):
    page = content / "guides/later.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "audience:", 'withdrawn: {date: 2026-10-01, reason: "Replaced."}\naudience:'), encoding="utf-8")
    rows = review.rows(load_site(content, tmp_path), TODAY, 60, repo=tmp_path)
    (later,) = [r for r in rows if r.title == "Later"]
    assert later.withdrawn and "not due (withdrawn)" in review.as_text(rows, TODAY, 60)
    assert "| not due (withdrawn) |" in review.as_markdown(rows, TODAY, 60)
