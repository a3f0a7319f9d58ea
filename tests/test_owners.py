"""Page owners: content/_data/owners.yml, each page's owner shown in both editions, and .github/CODEOWNERS."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from checks_fixtures import load, write_owners

from hub import codeowners
from hub import config as hub_config
from hub.content import load_site, owners

ROOT = Path(__file__).resolve().parent.parent


def owners_of(tmp_path, text: str):
    path = tmp_path / "_data" / "owners.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return owners.load(tmp_path, tmp_path)


def test_the_real_owners_are_read_and_every_page_has_one(hub_config):
    site = load_site(hub_config.content_dir, hub_config.root)
    assert site.owners.findings == [] and site.owners.maintainers.id == "hub-maintainers"
    assert set(site.owners.by_id) == {"experience-of-care", "carers", "contact-routes", "hub-maintainers"}
    assert all(site.owners.get(p.owner) for p in site.pages)


def test_each_owner_needs_a_name_an_email_and_a_github_account(tmp_path):
    found = owners_of(tmp_path, """\
        maintainers: team
        owners:
          team:
            name: A team
            email: team@example.nhs.uk
            github: "@org/team"
          no-email:
            name: Another team
            github: "@user"
          bad-github:
            name: Third team
            email: third@example.nhs.uk
            github: "org team <script>"
          Bad_Id:
            name: X
            email: x@example.nhs.uk
            github: "@x"
          typo:
            name: Typo team
            emial: typo@example.nhs.uk
            github: "@typo"
        """)
    assert set(found.by_id) == {"team"}
    lines = {f.message: f.line for f in found.findings}
    assert lines["the owner 'no-email' has no email address"] == 8  # its first line
    assert lines["the owner 'bad-github' has no GitHub account"] == 13
    assert "the owner 'Bad_Id' is not a web-friendly name" in lines
    typo = next(f for f in found.findings if "unknown key 'emial'" in f.message)
    assert typo.fix == "did you mean 'email'?" and typo.line == 20 and typo.path == "_data/owners.yml"
    assert all(f.check == "owners" and f.fix for f in found.findings)


@pytest.mark.parametrize("name", ["<b>Team</b>", "Team @everyone", "[Team](https://evil.example)", "Team `x`"])
def test_an_owners_name_is_words_not_markup(tmp_path, name):
    found = owners_of(tmp_path, f"""\
        maintainers: team
        owners:
          team:
            name: "{name}"
            email: team@example.nhs.uk
            github: "@org/team"
        """)
    assert found.by_id == {} and "characters a name does not need" in found.findings[0].message


def test_maintainers_must_be_one_of_the_owners(tmp_path):
    found = owners_of(tmp_path, """\
        maintainers: nobody
        owners:
          team: {name: Team, email: team@example.nhs.uk, github: "@org/team"}
        """)
    (f,) = found.findings
    assert f.line == 1 and "maintainers is 'nobody'" in f.message


def test_a_broken_owners_file_stops_the_build_naming_its_line(tmp_path):
    site, _ = load(tmp_path, {"guides/a.md": "A.\n"})
    (site.root / "_data/owners.yml").write_text("owners:\n  team: &a {name: x}\n", encoding="utf-8")
    reloaded = load_site(site.root, tmp_path)
    assert any(f.path == "content/_data/owners.yml" and f.line == 2 and f.severity == "error"
               for f in reloaded.findings)


# --- CODEOWNERS ----------------------------------------------------------------------------------

def test_codeowners_gives_each_page_to_its_owner_and_the_rest_to_the_maintainers(hub_config):
    site = load_site(hub_config.content_dir, hub_config.root)
    text = codeowners.render(site, hub_config)
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "* @experience-of-care/maintainers"  # first, so each page's own line wins
    assert "/content/contact/patient-advice-and-liaison-service.md @experience-of-care/contact-routes" in lines
    assert "/content/commitments/nhs-commitment-to-carers.md @experience-of-care/carers" in lines
    assert len(lines) == 1 + len(site.pages)
    # The committed file is up to date, so the check passes on the real site.
    assert (ROOT / codeowners.PATH).read_text(encoding="utf-8") == text
    assert codeowners.run(site, hub_config) == []


def test_check_fails_when_codeowners_is_out_of_date(tmp_path):
    content = tmp_path / "content"
    (content / "guides").mkdir(parents=True)
    write_owners(content)
    (content / "guides/a.md").write_text((ROOT / "content/guides/always-events.md").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    config = hub_config.load(hub_config.write_copy(content, tmp_path / "mkdocs.yml"))
    site = load_site(content, tmp_path)
    assert codeowners.run(site, config) == []  # no file: nothing to keep in step
    assert codeowners.write(site, config) and codeowners.run(site, config) == []
    page = content / "guides/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("owner: experience-of-care", "owner: carers"),
                    encoding="utf-8")
    (finding,) = codeowners.run(load_site(content, tmp_path), config)
    assert finding.path == ".github/CODEOWNERS" and "python build.py codeowners" in finding.fix
    assert finding.check == "codeowners" and finding.severity == "error"
