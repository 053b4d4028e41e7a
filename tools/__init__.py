"""Maintainer tools, run from the checkout (``python -m tools.regen``); not shipped."""
