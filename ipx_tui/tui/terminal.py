"""Making the terminal usable before Textual starts (locale, TERM); see the SSH issue."""

from __future__ import annotations


def prepare_terminal() -> None:
    """Fix what the environment gets wrong before the app starts. Nothing yet."""
