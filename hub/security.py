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
