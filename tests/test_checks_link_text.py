"""Link text: what the link-text check must catch, and what it must let through."""
from __future__ import annotations

import pytest
from checks_fixtures import BODY_START, run

from hub.checks import link_text


def check(tmp_path, body):
    return run(link_text.run, tmp_path, {"guides/page.md": body})


@pytest.mark.parametrize("body", [
    "Read [NHS England: patient experience](https://www.england.nhs.uk/).\n",
    "See [how to give feedback](other.md) for details.\n",
    "Email <mailto:team@example.nhs.uk>.\n",
    "Email [team@example.nhs.uk](mailto:team@example.nhs.uk).\n",
    "[![NHS England home page](logo.png)](https://www.england.nhs.uk/)\n",
    '<a href="https://www.nhs.uk/">NHS website</a>\n',
    "[Friends and Family Test guidance][fft]\n\n[fft]: https://www.england.nhs.uk/fft/\n",
    "Code is not a link: `[here](x.md)`\n",
    "Read more about [where to get help](help.md).\n",
])
def test_descriptive_links_pass(tmp_path, body):
    assert check(tmp_path, body) == []


@pytest.mark.parametrize("body, words", [
    ("[](https://www.nhs.uk/)\n", "has no text"),
    ("[ ](other.md)\n", "has no text"),
    ("[![](logo.png)](https://www.nhs.uk/)\n", "has no text"),
    ('<a href="https://www.nhs.uk/"></a>\n', "has no text"),
    ("For help, [click here](help.md).\n", "'click here'"),
    ("For help, [Click Here!](help.md)\n", "'Click Here!'"),
    ("[Read more](help.md)\n", "'Read more'"),
    ("Help is [here](help.md).\n", "'here'"),
    ("Help is [here][h].\n\n[h]: help.md\n", "'here'"),
    ('<a href="help.md">here</a>\n', "'here'"),
    ("Go to [https://www.nhs.uk/](https://www.nhs.uk/)\n", "is a web address"),
    ("Go to <https://www.nhs.uk/>\n", "is a web address"),
    ("Go to [www.nhs.uk](https://www.nhs.uk/)\n", "is a web address"),
])
def test_vague_empty_or_bare_url_links_are_errors(tmp_path, body, words):
    found = check(tmp_path, body)
    assert len(found) == 1, [f.format() for f in found]
    assert words in found[0].message
    assert found[0].severity == "error" and found[0].line == BODY_START
