"""ipx-tui: a keyboard-first terminal browser for 國發〔2015〕40號, the 「互聯網+」 action."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ipx-tui")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
