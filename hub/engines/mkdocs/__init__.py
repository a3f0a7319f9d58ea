"""The MkDocs engine's parts: the build and serve commands, the hooks MkDocs calls, and the hub's steps.

engine.py runs MkDocs; hooks.py is listed under `hooks:` in mkdocs.yml and calls
site.py for each step (generated pages, navigation, layouts, feed, search index).
The theme is in theme/material/ (Material overrides).
"""
