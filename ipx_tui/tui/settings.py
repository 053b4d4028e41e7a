"""The browser's remembered choices (script, last node, agency filter), kept in the shared store.

The store is opened on first use, which the app makes after its first frame and in a worker
thread; any failure leaves the browser working and is reported once, never raised.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.timer import Timer

from ipx_tui.core.i18n import LANG_SETTING, Lang, _, known_lang
from ipx_tui.core.script import Script

if TYPE_CHECKING:
    from ipx_tui.core.store import Store  # deferred: TinyDB and filelock, after the first frame

SCRIPT, LAST_NODE, AGENCY = "script", "last_node", "agency"
"""The setting keys the browser uses (see the store's documentation). The script is the
reader's; the last node and the filter are the shipped document's, and an imported
document's are kept under ``last_node:ID`` and ``agency:ID``."""


@dataclass(frozen=True, slots=True)
class Remembered:
    """What the last session left."""

    script: Script | None = None
    last_node: str | None = None
    agency: str | None = None
    lang: Lang | None = None
    """The interface's language, when one was chosen (--lang, or t in a Chinese interface)."""


class Settings:
    """Reads and writes the browser's settings; thread-safe; never raises."""

    def __init__(self, kiosk: bool = False, document: str | None = None) -> None:
        self.kiosk = kiosk
        self.document = document
        """The imported document shown (its id), or None for the shipped one: whose last
        node and filter are read and written."""
        self._views: dict[str, Store] = {}
        self._store: Store | None = None
        self._opened = False
        self._lock = threading.Lock()
        self.problems: list[str] = []
        """Messages for the reader (a store that cannot be read or written)."""
        self._saved: dict[str, object] = {}

    def store(self) -> Store | None:
        """The shared store, opened on first use; None if it cannot be opened."""
        with self._lock:
            if not self._opened:
                self._opened = True
                try:
                    from ipx_tui.core.store import Store  # deferred: only after the first frame

                    self._store = Store.open_default(kiosk=self.kiosk)
                except Exception as error:  # a broken store must never stop the browser
                    self.problems.append(_("settings unavailable: {error}").format(error=error))
            return self._store

    def store_for(self, document: str | None) -> Store | None:
        """The store of a document's bookmarks (the shipped one's for None)."""
        base = self.store()
        if base is None or document is None:
            return base
        with self._lock:
            view = self._views.get(document)
            if view is None:
                from ipx_tui.core.store import Store  # deferred: only after the first frame

                view = self._views[document] = Store(base.path, document)
            return view

    def _key(self, key: str) -> str:
        return key if self.document is None or key == SCRIPT else f"{key}:{self.document}"

    def read(self) -> Remembered:
        """The remembered choices; empty when nothing (or nothing valid) was stored."""
        store = self.store()
        if store is None:
            return Remembered()
        script = store.get_setting(SCRIPT, "")
        last = store.get_setting(self._key(LAST_NODE), "")
        agency = store.get_setting(self._key(AGENCY), None)
        lang = known_lang(store.get_setting(LANG_SETTING, ""))
        self.problems.extend(store.warnings)
        store.warnings.clear()
        remembered = Remembered(
            script=script if script in ("traditional", "simplified") else None,  # type: ignore[arg-type]
            last_node=last or None,
            agency=agency if isinstance(agency, str) and agency else None,
            lang=lang,
        )
        self._saved.update({SCRIPT: script, self._key(LAST_NODE): last,
                            self._key(AGENCY): agency, LANG_SETTING: lang})
        return remembered

    def write_lang(self, lang: Lang) -> str | None:
        """Remember the language asked for (--lang); a message for the reader if that failed."""
        return self._write({LANG_SETTING: lang})

    def write(self, script: Script, last_node: str | None, agency: str | None,
              lang: Lang | None = None) -> str | None:
        """Store the choices that changed (the language only when one was chosen); a message
        for the reader if that failed."""
        wanted: dict[str, object] = {SCRIPT: script, self._key(LAST_NODE): last_node or "",
                                     self._key(AGENCY): agency}
        if lang is not None:
            wanted[LANG_SETTING] = lang
        return self._write(wanted)

    def _write(self, wanted: dict[str, object]) -> str | None:
        store = self.store()
        if store is None:
            return None
        from ipx_tui.core.store import StoreError

        with self._lock:
            try:
                for key, value in wanted.items():
                    if self._saved.get(key) != value:
                        store.set_setting(key, value)
                        self._saved[key] = value
            except StoreError as error:
                return str(error)
            except Exception as error:  # never let a setting take the browser down
                return _("settings not saved: {error}").format(error=error)
        return None


SAVE_DELAY = 1.0
"""Seconds of quiet before the settings are saved (every key would be too many writes)."""

Values = tuple[Script, str | None, str | None, Lang | None]
"""What is saved: the script, the last node shown, the agency filter, the language chosen."""


class Saver:
    """Saves the settings once the reader pauses, off the UI thread; and at once on quit."""

    def __init__(self, app: App[Any], settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self._timer: Timer | None = None
        self.problem: str | None = None
        """The first save that failed (a read-only data directory, say): said once, and the
        bookmarks list shows it; None while saving works."""

    def later(self, values: Callable[[], Values | None]) -> None:
        """Save what ``values`` gives after SAVE_DELAY of quiet (None: nothing to save)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(SAVE_DELAY, lambda: self._in_background(values()))

    def now(self, values: Callable[[], Values | None]) -> None:
        """Save before leaving (a pending save would be lost)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wanted = values()
        if wanted is not None:
            self.settings.write(*wanted)

    def _in_background(self, wanted: Values | None) -> None:
        self._timer = None
        if wanted is not None:
            self.app.run_worker(partial(self._write, wanted), thread=True, exclusive=True,
                                group="settings")

    def _write(self, wanted: Values) -> None:
        problem = self.settings.write(*wanted)
        if problem:
            self.app.call_from_thread(self._tell, problem)

    def _tell(self, problem: str) -> None:
        """Say a failed save once: every cursor move tries again, and would say it again."""
        if self.problem is None:
            self.problem = problem
            self.app.notify(_("{problem}: settings and bookmarks are read-only; browsing goes on")
                            .format(problem=problem), title=_("Not saved"), severity="warning",
                            timeout=10)
