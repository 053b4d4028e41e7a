"""ipx-tui: a keyboard-first terminal browser for 國發〔2015〕40號, the 「互聯網+」 action."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # __version__ is looked up when asked for: importlib.metadata pulls in the email package,
    # about 15 ms and 1.5 MiB that every start of the browser would otherwise pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("ipx-tui")
        except PackageNotFoundError:  # running from a checkout that was never installed
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
