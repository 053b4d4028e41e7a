"""Where ipx-tui keeps the reader's files: one place for every path (`ipx-tui locate` prints them).

platformdirs is imported only when a path is asked for, and not at all when the environment
overrides it (as the tests and the kiosk setup do).
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "ipx-tui"
STORE_NAME = "store.json"
"""Bookmarks and settings, one TinyDB JSON file."""
DOCUMENTS_NAME = "documents"
"""Imported documents, one JSON file each (``ID.json``)."""


def _override(variable: str) -> Path | None:
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser().absolute() if value else None


def data_dir() -> Path:
    """The per-user data directory: $IPX_TUI_DATA_DIR, else platformdirs' user data dir."""
    override = _override("IPX_TUI_DATA_DIR")
    if override is not None:
        return override
    from platformdirs import user_data_dir  # deferred: ~15 ms, and only needed for a path

    return Path(user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """The per-user cache directory: $IPX_TUI_CACHE_DIR, else platformdirs' user cache dir."""
    override = _override("IPX_TUI_CACHE_DIR")
    if override is not None:
        return override
    from platformdirs import user_cache_dir  # deferred, as above

    return Path(user_cache_dir(APP, appauthor=False))


def store_path() -> Path:
    """The bookmark and settings file."""
    return data_dir() / STORE_NAME


def documents_dir() -> Path:
    """The folder of imported documents."""
    return data_dir() / DOCUMENTS_NAME


def lock_path(store: Path) -> Path:
    """The lock file every writer of ``store`` holds (kept beside it, never inside it)."""
    return store.with_name(store.name + ".lock")
