"""The command line's one way out: the script flag, text and JSON on stdout, files written.

Every command prints through here, so the rules are written once: JSON is UTF-8 with the
characters themselves (not \\u escapes); the text a person reads follows ``--simplified``.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import stat
import sys
from pathlib import Path

from ipx_tui.console import say
from ipx_tui.core import kiosk
from ipx_tui.core.errors import UserError, shorten
from ipx_tui.core.i18n import N_, _
from ipx_tui.core.script import Script


def add_script_flag(parser: argparse.ArgumentParser, what: str = N_("print"),
                    default: object = argparse.SUPPRESS) -> None:
    """``--simplified`` / ``--traditional`` on a parser; safe to call twice.

    Every command gets them, and so does the top of the command line, so the flag works
    before or after the subcommand. A subcommand's parser leaves ``script`` unset unless the
    flag is given after it (the SUPPRESS default): argparse copies a subparser's defaults
    over the namespace, which would undo ``ipx-tui --simplified show 2.6.3``.
    """
    if "--simplified" in parser._option_string_actions:
        return
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--simplified", dest="script", action="store_const", const="simplified",
                       default=default, help=_("{what} in simplified script").format(what=_(what)))
    group.add_argument("--traditional", dest="script", action="store_const",
                       const="traditional", default=default,
                       help=_("{what} in traditional script, as the document is written "
                              "(the default)").format(what=_(what)))


def script_of(args: argparse.Namespace) -> Script:
    """The script a command prints in."""
    return "simplified" if getattr(args, "script", None) == "simplified" else "traditional"


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
    say(_('warning: {message}').format(message=message))


def emit(data: str | bytes, output: str | None, *, force: bool, what: str = "",
         private: bool = False) -> int:
    """Print the data, or write it to the file named by --output; the exit status.

    ``-`` is standard output. Text goes to a file as UTF-8; bytes (a spreadsheet, a CSV with
    its byte-order mark) go out as they are, to a file or to standard output.
    """
    if output == "":
        raise UserError(_("--output needs a file name (or - for standard output)"))
    if output is None or output == "-":
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
        return 0
    kiosk.refuse(N_("export to a file"))
    write_new(Path(output), data, force=force, private=private)
    print((_("wrote {what} to {output}") if what else _("wrote {output}")).format(
        what=what, output=output), file=sys.stderr)
    return 0


def write_new(path: Path, data: str | bytes, *, force: bool, private: bool = False) -> None:
    """Write to path as ``>`` would, without its surprises; UserError (one line) on failure.

    - A symlink is followed: its target is written, and the link stays.
    - A target that is not a regular file (a device, a FIFO) is written into, never
      replaced, and needs no ``force``: there is nothing in it to lose.
    - An existing regular file needs ``force``. It keeps its mode (and its owner and hard
      links): it is replaced atomically through a temporary file beside it where the
      directory allows that, else written in place.
    - A new file is created 0600 when ``private`` (bookmark exports hold personal notes),
      else with the umask's mode.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    shown = shorten(str(path))
    if not str(path):
        raise UserError(_("--output needs a file name (or - for standard output)"))
    target = Path(os.path.realpath(path))  # a symlink's target (dangling or not), else path
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as error:
        raise UserError(_(
            "cannot write {shown}: {strerror}").format(
            shown=shown, strerror=error.strerror)) from None
    try:
        if st is None:
            if not target.parent.is_dir():
                raise UserError(_(
                    "no such directory: {parent}").format(
                    parent=shorten(str(target.parent))))
            _create(target, raw, 0o600 if private else 0o666)
        elif stat.S_ISDIR(st.st_mode):
            raise UserError(_('{shown} is a directory').format(shown=shown))
        elif not stat.S_ISREG(st.st_mode):
            _write_into(target, raw, truncate=False)
        elif not force:
            raise UserError(_('{shown} exists; add --force to replace it').format(shown=shown))
        elif not _replace(target, raw, st):
            _write_into(target, raw, truncate=True)
    except FileExistsError:
        # made between the look and the write (another process): as if it had been there
        raise UserError(_(
            "{shown} exists; add --force to replace it").format(
            shown=shown)) from None
    except OSError as error:
        raise UserError(_(
            "cannot write {shown}: {strerror}").format(
            shown=shown, strerror=error.strerror or error)) from None


def _create(path: Path, raw: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        _write_all(fd, raw)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


def _write_into(path: Path, raw: bytes, *, truncate: bool) -> None:
    """Write through the file itself: a device or FIFO stays what it is."""
    fd = os.open(path, os.O_WRONLY | (os.O_TRUNC if truncate else 0))
    try:
        _write_all(fd, raw)
    finally:
        os.close(fd)


def _replace(path: Path, raw: bytes, st: os.stat_result) -> bool:
    """Replace a regular file atomically, keeping its mode and owner; False where that cannot
    be done (a directory we may not write to, a file with other hard links, an owner we
    cannot give the new file), so the caller writes in place instead."""
    if st.st_nlink > 1:
        return False  # renaming over one name would part it from the others
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except (PermissionError, FileExistsError):
        return False
    except OSError as error:
        if error.errno in (errno.EROFS, errno.EACCES):
            return False
        raise
    try:
        try:
            if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                os.fchown(fd, st.st_uid, st.st_gid)
        except PermissionError:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            return False
        os.fchmod(fd, stat.S_IMODE(st.st_mode))
        _write_all(fd, raw)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return True


def _write_all(fd: int, raw: bytes) -> None:
    view = memoryview(raw)
    while view:
        view = view[os.write(fd, view):]
