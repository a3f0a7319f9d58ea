"""Where each edition's theme lives, and the templates both editions share.

theme/nhsuk/     the NHS.UK edition (Pelican): templates/ and static/
theme/material/  the Material edition (MkDocs): overrides of Material's templates, CSS and JS
theme/shared/    templates both editions include as "shared/<name>", so markup that the
                 browser code or the tests rely on (the search page's ids, for one) is
                 written once
"""
from __future__ import annotations

from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parent.parent
THEMES = ROOT / "theme"
NHSUK = THEMES / "nhsuk"
MATERIAL = THEMES / "material"
SHARED = THEMES / "shared"
SHARED_PREFIX = "shared"


def with_shared_templates(env: jinja2.Environment) -> None:
    """Let `env` load theme/shared/x.html as "shared/x.html", after its own templates.

    A FunctionLoader rather than a PrefixLoader: it compiles each template under its full
    name, "shared/x.html", which is the name the Material edition's autoescape rule knows
    (a PrefixLoader would hand it "x.html")."""
    files = jinja2.FileSystemLoader(str(SHARED))

    def load(name: str):
        prefix, _, rest = name.partition("/")
        if prefix != SHARED_PREFIX or not rest:
            return None
        return files.get_source(env, rest)

    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.FunctionLoader(load)])


def shared_template_names() -> set[str]:
    """The names templates use for the shared templates ("shared/search-ui.html")."""
    return {f"{SHARED_PREFIX}/{p.relative_to(SHARED).as_posix()}" for p in SHARED.rglob("*.html")}
