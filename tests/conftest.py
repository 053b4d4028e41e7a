"""Shared fixtures: every test gets its own data and cache directories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the app's data and cache directories at fresh folders, never the user's own."""
    root = tmp_path_factory.mktemp("ipx-home")
    monkeypatch.setenv("IPX_TUI_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("IPX_TUI_CACHE_DIR", str(root / "cache"))
    monkeypatch.delenv("IPX_TUI_KIOSK", raising=False)
    yield root
