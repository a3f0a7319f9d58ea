"""The shared template folder: both editions can include it, and it is autoescaped in both."""
from __future__ import annotations

import jinja2

from hub import themes


def test_shared_templates_load_under_their_prefix_and_keep_their_full_name(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "probe.html").write_text('{{ "<b>" }}', encoding="utf-8")
    monkeypatch.setattr(themes, "SHARED", shared)
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": '{% include "shared/probe.html" %}'}))
    themes.with_shared_templates(env)
    # The Material edition escapes by template name: the shared template must be compiled as
    # "shared/probe.html", not "probe.html", or its values would be printed raw.
    env.autoescape = lambda name: name in themes.shared_template_names()
    assert env.get_template("page.html").render() == "&lt;b&gt;"
    assert themes.shared_template_names() == {"shared/probe.html"}
    # Only names under the prefix reach the shared folder.
    try:
        env.get_template("probe.html")
    except jinja2.TemplateNotFound:
        pass
    else:
        raise AssertionError("a shared template was found without its prefix")
