"""The Material edition's engine: MkDocs rendering the site plan.

engine.py runs MkDocs with the plan's navigation and plugin; plugin.py is that
plugin (generated pages, each page's template and view, the sidebar); hooks.py,
listed in mkdocs.yml, makes a plan when `mkdocs build` or `mkdocs serve` runs on
its own. The theme is in theme/material/ (Material overrides).
"""
