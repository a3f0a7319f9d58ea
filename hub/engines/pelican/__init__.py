"""The NHS.UK edition's engine: Pelican rendering the site plan.

engine.py runs Pelican; settings.py makes its settings from the plan; reader.py
gives each page its address, template and view; links.py rewrites links between
Markdown files; frame.py helps the templates draw the page frame; assets.py copies
NHS.UK frontend's files. The theme is in theme/nhsuk/.
"""
