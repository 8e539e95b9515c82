"""The package's layers, checked: an import never points up, no modules import each other in a loop,
and readers never run a step of the chain (the contracts of ``[tool.importlinter]`` in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_hold() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    assert done.stdout.count(" KEPT") == len(contracts) >= 3


def test_the_layers_name_every_part_of_the_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in config["contracts"] if c["type"] == "layers"]
    named = {part.strip() for layer in layers for part in layer.replace(":", "|").split("|")}
    parts = {p.stem if p.is_file() else p.name for p in (ROOT / "cleaner").iterdir() if p.name != "__init__.py"}
    parts = {p for p in parts if not p.startswith((".", "_")) or p == "__main__"} - {"py", "__pycache__"}
    parts = {p for p in parts if (ROOT / "cleaner" / p).is_dir() or (ROOT / "cleaner" / f"{p}.py").is_file()}
    assert parts <= named, sorted(parts - named)
