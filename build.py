#!/usr/bin/env python3
"""Build, check, preview and add pages to the Experience of Care knowledge hub.

Run `python build.py --help` for the commands.
"""
import sys

from hub.cli import main

if __name__ == "__main__":
    sys.exit(main())
