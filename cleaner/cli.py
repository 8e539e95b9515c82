"""The ``cleaner`` command.

``main(argv) -> int`` never raises for bad input: each file that cannot be
cleaned gets one line on stderr naming it, the other files are still
processed, and the exit code says that something failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from cleaner import __version__
from cleaner.config import Config, ConfigError, find_pyproject
from cleaner.document import Result
from cleaner.io.readers import Item, read_inputs
from cleaner.io.write import write_atomic
from cleaner.pipeline import Pipeline, default_pipeline

#: Exit codes.
OK, CHANGED, FAILED, USAGE = 0, 1, 123, 2

FORMATS = ("txt", "json", "jsonl")
SUFFIX = {"txt": ".txt", "json": ".json", "jsonl": ".jsonl"}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser = argparse.ArgumentParser(prog="cleaner", description="Scraped news in, clean text and metadata out.")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    clean = commands.add_parser("clean", help="print or write the clean text of files, folders or stdin")
    clean.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (searched recursively) or - for stdin")
    clean.add_argument("--format", "-f", choices=FORMATS, default="txt", help="output format (default: txt)")
    clean.add_argument("-o", "--output", metavar="DIR", help="write one output per input here, mirroring the input tree")
    add_config_options(clean)
    return parser


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every sub-command that cleans."""
    parser.add_argument("--config", metavar="FILE", help="read options from this TOML file instead of pyproject.toml")
    parser.add_argument("--typography", action="store_true", default=None, help="keep curly quotes")
    parser.add_argument("--keep", action="append", metavar="KIND", help="keep this kind of chrome in the text")
    parser.add_argument("--disable", action="append", metavar="STEP", help="switch off a step of the chain")
    parser.add_argument("--language", metavar="CODE", help="language of the input when known")
    parser.add_argument("--no-typos", dest="typos", action="store_false", default=None, help="do not repair typos")
    parser.add_argument("--include", action="append", metavar="GLOB", help="files to clean in folders")
    parser.add_argument("--exclude", action="append", metavar="GLOB", help="files and folders to skip")


def load_config(args: argparse.Namespace) -> Config:
    """The config: ``--config`` or the nearest pyproject.toml, then the flags on top."""
    if args.config:
        config = Config.from_file(args.config)
    else:
        found = find_pyproject(Path.cwd())
        config = Config.from_pyproject(found) if found else Config()
    flags = {
        name: getattr(args, name)
        for name in ("typography", "keep", "disable", "language", "typos", "include", "exclude")
        if getattr(args, name, None) is not None
    }
    return config.replace(**flags)


def record(result: Result, ident: str) -> dict[str, Any]:
    """One JSONL record: ``id``, ``text``, ``metadata``, then what was removed and fixed."""
    return {"id": ident, **result.to_dict()}


def render(result: Result, fmt: str, ident: str) -> str:
    """One result in an output format."""
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(record(result, ident), ensure_ascii=False) + "\n"
    return result.text


def output_path(out: Path, item: Item, fmt: str) -> Path:
    """Where the output of one input goes under ``out``, mirroring the input tree."""
    if item.path is None:
        return out / f"{item.ident}{SUFFIX[fmt]}"
    root = item.root
    relative = item.path.relative_to(root) if root is not None and item.path.is_relative_to(root) else Path(item.path.name)
    if not item.whole_file:  # one of many records in a file
        relative = relative.parent / relative.stem / item.ident
    return (out / relative).with_suffix(SUFFIX[fmt])


def clean_item(item: Item, pipeline: Pipeline) -> Result:
    """The result of one readable item."""
    assert item.text is not None
    return pipeline.clean(item.text, source=item.source)


def run_clean(args: argparse.Namespace, config: Config, pipeline: Pipeline, stdout: TextIO, stderr: TextIO) -> int:
    """``cleaner clean``."""
    failed = 0
    todo = list(read_inputs(args.paths, config))
    many = len(todo) > 1 and not args.output
    if many and args.format == "json":
        stdout.write("[\n")
    for number, item in enumerate(todo):
        if item.error is not None:
            print(f"cleaner: {item.error}", file=stderr)
            failed += 1
            continue
        result = clean_item(item, pipeline)
        text = render(result, args.format, item.ident)
        if args.output:
            target = output_path(Path(args.output), item, args.format)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
        elif many and args.format == "txt":
            stdout.write(f"{'' if number == 0 else chr(10)}==> {item.source} <==\n{text}")
        elif many and args.format == "json":
            stdout.write(("" if number == 0 else ",\n") + text.rstrip("\n"))
        else:
            stdout.write(text)
    if many and args.format == "json":
        stdout.write("\n]\n")
    return FAILED if failed else OK


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command; returns the exit code."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(args)
        pipeline = default_pipeline(config)
    except ConfigError as error:
        print(f"cleaner: {error}", file=stderr)
        return USAGE
    try:
        return run_clean(args, config, pipeline, stdout, stderr)
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=stderr)
        return 130
    except BrokenPipeError:
        return OK
