"""What every page of both editions declares about its own safety: the Content Security Policy.

The checks keep script out of the content (hub/checks/); this policy is the second
line of defence. If markup ever slipped past them into a page, the browser would
still refuse to run it: only the site's own script and style files may run, never
inline script, inline styles or anything from another site. It is written into
each page as <meta http-equiv>, which GitHub Pages serves as it is (it cannot set
headers), and it works from the offline copy too.

`frame-ancestors` and `report-uri` are not allowed in a meta element, so they are not here.
"""
from __future__ import annotations

import json
import re

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    # Material's stylesheet draws its icons from data: SVG images.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
])

# The language of every page and feed: British English.
LANGUAGE = "en-GB"


# Characters JSON may hold inside strings that must not reach a page or script raw: `<`, `>`
# and `&` (no value can write `</script`, `<!--` or `-->`), the line separators JavaScript
# once treated as line ends, and lone surrogates (YAML can write "\ud800"), which cannot be
# written as UTF-8 at all.
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def script_json(data) -> str:
    """`data` as JSON that is safe inside a <script> element or a script file, in a stable order.

    The escapes are \\u escapes inside JSON strings (these characters cannot appear anywhere
    else in JSON), so json.loads gives back exactly the same data. Used for structured data
    (JSON-LD) in every page and for every file of the search index.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
