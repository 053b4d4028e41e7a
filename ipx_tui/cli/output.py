"""The command line's one way out: the script flag, text and JSON on stdout, files written.

Every command prints through here, so the rules are written once: JSON is UTF-8 with the
characters themselves (not \\u escapes); the text a person reads follows ``--simplified``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ipx_tui.console import say
from ipx_tui.core import kiosk
from ipx_tui.core.errors import UserError, shorten
from ipx_tui.core.script import Script


def add_script_flag(parser: argparse.ArgumentParser, what: str = "print") -> None:
    """``--simplified`` on a command."""
    parser.add_argument("--simplified", action="store_true", help=f"{what} in simplified script")


def script_of(args: argparse.Namespace) -> Script:
    """The script a command prints in."""
    return "simplified" if getattr(args, "simplified", False) else "traditional"


def print_text(text: str) -> None:
    """Text on stdout, ending in one newline."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def json_text(obj: object) -> str:
    """JSON as every command writes it: indented, the characters themselves, a final newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def dump_json(obj: object) -> None:
    """JSON on stdout."""
    sys.stdout.write(json_text(obj))


def warn(message: str) -> None:
    """A warning line on stderr."""
    say(f"warning: {message}")


def emit(text: str, output: str | None, *, force: bool, what: str = "") -> int:
    """Print text, or write it to the file named by --output; the exit status."""
    if output is None:
        sys.stdout.write(text)
        return 0
    kiosk.refuse("export to a file")
    write_new(Path(output), text, force=force)
    print(f"wrote {what + ' to ' if what else ''}{output}", file=sys.stderr)
    return 0


def write_new(path: Path, text: str, *, force: bool) -> None:
    """Write text to path, refusing to replace an existing file unless forced."""
    if path.is_dir():
        raise UserError(f"{shorten(str(path))} is a directory")
    if not path.parent.is_dir():
        raise UserError(f"no such directory: {shorten(str(path.parent))}")
    try:
        if force:
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        else:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
    except FileExistsError:
        raise UserError(f"{shorten(str(path))} exists; add --force to replace it") from None
    except OSError as error:
        raise UserError(f"cannot write {shorten(str(path))}: {error.strerror}") from None
