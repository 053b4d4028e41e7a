"""The package: content shipped inside it, a clean install, a core with no Textual."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from ipx_tui.core.metadata import apply_errata, load_errata
from tests.imports import loaded_by
from tools import regen
from tools.import_source import clean

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "content" / "source" / "wikisource.txt"
"""The Wikisource text, kept in the repository (content/source/README.md)."""
SEED = ROOT.parent / "shared" / "seeds" / "000_2a717611e06dd52f.txt"
"""The project's seed file, beside some checkouts: the same bytes as SOURCE."""


def test_derived_files_are_fresh() -> None:
    assert regen.stale() == [], "run: python -m tools.regen"


def test_content_is_the_source_without_its_wrapper_with_the_declared_errata() -> None:
    shipped = (ROOT / "content" / "document.txt").read_text(encoding="utf-8")
    assert apply_errata(clean(SOURCE.read_text(encoding="utf-8")), load_errata()) == shipped


def test_the_shipped_text_differs_from_the_source_by_exactly_two_corrections() -> None:
    # worked out by hand: Wikisource writes 制造 twice where the document writes 製造
    cleaned = clean(SOURCE.read_text(encoding="utf-8"))
    shipped = (ROOT / "content" / "document.txt").read_text(encoding="utf-8")
    assert len(cleaned) == len(shipped)
    changed = [(i, a, b) for i, (a, b) in enumerate(zip(cleaned, shipped, strict=True)) if a != b]
    assert [(a, b) for _, a, b in changed] == [("制", "製"), ("制", "製")]
    assert [cleaned[i - 2 : i + 3] for i, _, _ in changed] == ["促進制造業", "加強制造業"]
    assert "制造" not in shipped and cleaned.count("制造") == 2


def test_the_source_in_the_repository_is_the_seed() -> None:
    if not SEED.exists():
        pytest.skip(f"no seed beside this checkout ({SEED}); the repository's copy is checked "
                    "above")
    assert SOURCE.read_bytes() == SEED.read_bytes()


def test_core_does_not_import_textual() -> None:
    code = (
        "import ipx_tui.cli, ipx_tui.core.parse, ipx_tui.core.agencies, ipx_tui.core.export\n"
        "import ipx_tui.core.script, ipx_tui.core.ids\n"
        "from ipx_tui.core.parse import load; from ipx_tui.core.agencies import load_registry\n"
        "load(); load_registry()\n"
    )
    assert loaded_by(code, ("textual", "jieba", "opencc", "tinydb")) == []


def test_clean_install_from_a_wheel(tmp_path: Path) -> None:
    """A non-editable install finds its content from any directory."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels),
                    str(ROOT)], check=True, capture_output=True, timeout=600)
    (wheel,) = wheels.glob("ipx_tui-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for shipped in ("document.txt", "agencies.toml", "document.toml", "errata.toml",
                    "derived/simplified.json",
                    "derived/jieba_dict.txt", "derived/search_index.json", "derived/keywords.json"):
        assert f"ipx_tui/content/{shipped}" in names
    # the compiled catalogues ship; their sources may too, harmlessly
    for lang in ("zh_Hans", "zh_Hant"):
        assert f"ipx_tui/locale/{lang}/LC_MESSAGES/ipx-tui.mo" in names
    # maintainer tools are not shipped (tools/ at the checkout's top, outside the package)
    assert not [n for n in names if n.startswith("tools/") or "/devtools/" in n], names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    target = venv / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "site-packages"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=600)
    # The dependencies come from this environment's site-packages, behind the fresh install.
    env = {**os.environ, "PYTHONPATH": f"{target}{os.pathsep}{sysconfig.get_paths()['purelib']}"}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = subprocess.run([str(venv / "bin" / "python"), "-m", "ipx_tui", "show", "2.6.3"],
                          cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("2.6.3  推廣在線醫療衛生新模式")
    # the installed copy reads its own catalogue
    help_text = subprocess.run([str(venv / "bin" / "python"), "-m", "ipx_tui", "--lang",
                                "zh-Hant", "--help"], cwd=elsewhere, env=env,
                               capture_output=True, text=True, timeout=120)
    # (the column argparse gives the help depends on the longest option)
    assert [line.split(maxsplit=2) for line in help_text.stdout.splitlines()
            if line.startswith("  --agency NAME ")] == [
        ["--agency", "NAME", "啟動時按此部門篩選"]], help_text.stdout
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import ipx_tui; print(ipx_tui.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120, check=True)
    assert where.stdout.startswith(str(target))
