"""Shared fixtures: every test gets its own data and cache directories, and runs in the
English interface (the tests' exact messages are English; the Chinese interfaces have tests
of their own that ask for them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ipx_tui.core import i18n


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the app's data and cache directories at fresh folders, never the user's own."""
    root = tmp_path_factory.mktemp("ipx-home")
    monkeypatch.setenv("IPX_TUI_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("IPX_TUI_CACHE_DIR", str(root / "cache"))
    monkeypatch.delenv("IPX_TUI_KIOSK", raising=False)
    yield root


@pytest.fixture(autouse=True)
def english_interface(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The English interface, whatever the machine's locale (LC_MESSAGES=C beats LANG, and
    reaches the commands run in a subprocess); the language in use is English again after."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_MESSAGES", "C")
    i18n.use("en")
    yield
    i18n.use("en")
