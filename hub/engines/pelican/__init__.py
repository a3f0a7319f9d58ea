"""The Pelican engine's parts: settings from mkdocs.yml, the reader, the plugin and the NHS.UK assets.

engine.py puts them together; the theme is in theme/nhsuk/.
"""
