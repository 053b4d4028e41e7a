"""The Textual app (placeholder until the browser lands)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    """Start the browser; the exit status."""
    raise NotImplementedError
