"""ARCHITECTURE.md stays true: every path it names exists, and every feature has a row."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAP = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")

FEATURES = ("outline", "detail pane", "agency filter", "matrix", "search", "keywords",
            "bookmarks", "settings", "kiosk")
COMMANDS = ("outline", "show", "agencies", "tasks", "export", "search", "bookmarks", "locate")


def named_paths(text: str) -> set[str]:
    """The backticked words that look like paths (a slash, or a file name with a suffix)."""
    words = set(re.findall(r"`([^`\s]+)`", text))
    return {w for w in words if "/" in w or re.search(r"\.(py|md|toml|txt|json|tcss)$", w)}


def test_every_path_named_exists() -> None:
    paths = named_paths(MAP)
    assert len(paths) > 40  # the map names the files, not only the folders
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert missing == []


def test_the_path_check_can_fail() -> None:
    assert named_paths("see `ipx_tui/nowhere.py` and `ls`") == {"ipx_tui/nowhere.py"}


def test_every_feature_and_command_is_mapped() -> None:
    lowered = MAP.lower()
    assert [f for f in FEATURES if f not in lowered] == []
    assert [c for c in COMMANDS if f"`{c}`" not in MAP] == []


def test_every_source_module_is_on_the_map() -> None:
    """A new module gets a line on the map (its package's __init__ aside)."""
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "ipx_tui").rglob("*.py")
               if p.name != "__init__.py" or p.parent.name == "cli"}
    unnamed = sorted(m for m in modules if m not in MAP and m not in ("ipx_tui/__main__.py",))
    assert unnamed == []
