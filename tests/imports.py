"""Which modules a piece of code loads, run in a fresh interpreter (sys.modules at the end)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable


def loaded_by(code: str, modules: Iterable[str], timeout: float = 120) -> list[str]:
    """Run ``code`` in a new Python process; the names in ``modules`` it left imported.

    ``code`` may be several lines, and may use ``asyncio`` at the top level through
    ``asyncio.run``; it must not print.
    """
    names = sorted(modules)
    probe = f"{code}\nimport sys as _sys\nprint(','.join(m for m in {names!r} if m in _sys.modules))\n"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=timeout)
    assert proc.returncode == 0, proc.stderr
    return [m for m in proc.stdout.strip().splitlines()[-1].split(",") if m] if proc.stdout.strip() else []
