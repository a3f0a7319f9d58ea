"""The content model: front matter parsing, the schema and page loading."""
from .model import Page, Site, load_page, load_site, url_for  # noqa: F401
