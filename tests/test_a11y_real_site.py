"""The real site passes axe-core (WCAG 2.2 AA and best practice) and the keyboard checks on every page,
at desktop and mobile widths, in light and dark mode."""
from __future__ import annotations

import pytest

from hub.checks import a11y


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["pelican_site", "mkdocs_site"])
def test_real_site_has_no_a11y_violations(edition, hub_config, request):
    from hub.content import load_site

    site = load_site(hub_config.content_dir, hub_config.root)
    findings = a11y.run(site, request.getfixturevalue(edition), hub_config)
    assert findings == [], "\n".join(f.format() for f in findings)
