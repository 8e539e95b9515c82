"""Helpers shared by the command tests (no tests here): a copy of the samples, a way to run ``main``."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

from cleaner.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
NAMES = sorted(p.name for p in SAMPLES.glob("*.txt"))


@dataclass
class Run:
    code: int
    out: str
    err: str


class TTY(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(*argv: str | Path, stderr: io.StringIO | None = None, stdout: io.StringIO | None = None) -> Run:
    """``main(argv)`` with stdout and stderr captured."""
    out, err = stdout or io.StringIO(), stderr or io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return Run(code, out.getvalue(), err.getvalue())


def copy_samples(tmp_path: Path) -> Path:
    """A folder of raw and clean texts: a copy of samples/, with the clean texts of tests/golden/ in its expected/."""
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target)
    shutil.copytree(GOLDEN, target / "expected")
    return target


def expected(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
