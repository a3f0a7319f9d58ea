"""The real site passes axe-core (WCAG 2.2 AA and best practice) and the keyboard checks on every page,
at desktop and mobile widths, in light and dark mode."""
from __future__ import annotations

from hub.checks import a11y


def test_real_site_has_no_a11y_violations(mkdocs_site, hub_config):
    from hub.content import load_site

    site = load_site(hub_config.content_dir, hub_config.root)
    findings = a11y.run(site, mkdocs_site, hub_config)
    assert findings == [], "\n".join(f.format() for f in findings)
