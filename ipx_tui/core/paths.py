"""Where the shipped content lives."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def content_dir() -> Path:
    """The content/ folder: inside the installed package, or at the top of a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "content"  # put there by the wheel build (pyproject force-include)
    if installed.is_dir():
        return installed
    return here.parent / "content"
