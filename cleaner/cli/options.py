"""The command line: sub-commands, their options, and the config they make.

Options come from ``[tool.cleaner]`` in the nearest pyproject.toml (searched
from the paths given, upwards) or from ``--config FILE``; flags on the command
line override them.

>>> args = build_parser().parse_args(["fix", "data", "--keep", "caption,byline", "--no-typos"])
>>> args.command, args.paths, args.keep, args.typos
('fix', ['data'], ['caption', 'byline'], False)
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from cleaner import __version__
from cleaner.cli.style import COLOR_MODES
from cleaner.config import Config, ConfigError, did_you_mean, find_pyproject

FORMATS = ("txt", "json", "jsonl")

#: Config fields that flags can set, by their ``argparse`` destination.
FLAG_FIELDS = (
    "typography",
    "keep",
    "disable",
    "language",
    "language_detector",
    "typos",
    "templates",
    "template_min_docs",
    "include",
    "exclude",
    "text_field",
    "id_field",
    "html_field",
    "max_bytes",
    "max_gzip_ratio",
)

HELP = {
    "clean": "print (or write to -o DIR) the clean text of files, folders or stdin",
    "fix": "rewrite files in place with their clean text (only the files that change)",
    "check": "change nothing; list the files fix would change (exit 1 if any)",
    "diff": "change nothing; print a unified diff of what fix would do",
    "explain": "show every block of a file with its kind and the rule that labelled it, then metadata and fixes",
    "report": "clean files and folders as clean does, and write one self-contained HTML report of what cleaning did",
}

EPILOG = (
    "exit codes: 0 nothing to do, 1 files changed (fix) or would change (check, diff), 2 bad usage or config, "
    "123 an input failed, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM)"
)


def positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def comma_list(value: str) -> list[str]:
    """An argparse type: one value or several separated by commas."""
    return [v.strip() for v in value.split(",") if v.strip()]


class Extend(argparse.Action):
    """``--keep a --keep b,c`` gives ``['a', 'b', 'c']``."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object, option: str | None = None
    ) -> None:
        assert isinstance(values, list)
        setattr(namespace, self.dest, [*(getattr(namespace, self.dest) or []), *values])


def shared_options() -> argparse.ArgumentParser:
    """The options every sub-command takes (config, output chatter, processes)."""
    shared = argparse.ArgumentParser(add_help=False)
    config = shared.add_argument_group("cleaning options (override [tool.cleaner] in pyproject.toml)")
    config.add_argument("--config", metavar="FILE", help="read options from this TOML file instead of pyproject.toml")
    config.add_argument(
        "--typography", action=argparse.BooleanOptionalAction, default=None, help="keep curly quotes, dashes, ellipses"
    )
    config.add_argument(
        "--keep",
        action=Extend,
        type=comma_list,
        metavar="KIND",
        help="keep this kind of chrome in the text (repeat or comma-separate)",
    )
    config.add_argument("--disable", action=Extend, type=comma_list, metavar="STEP", help="switch off a step of the chain")
    config.add_argument("--language", metavar="CODE", help="language of the input when known (ISO 639-1)")
    config.add_argument(
        "--language-detector", metavar="NAME", help="what detects the language: cld2 (default, fast) or langdetect"
    )
    config.add_argument(
        "--typos", action=argparse.BooleanOptionalAction, default=None, help="repair typos (default: on)"
    )
    config.add_argument(
        "--templates",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="learn site templates when many documents are cleaned together (default: on)",
    )
    config.add_argument(
        "--template-min-docs",
        type=positive,
        metavar="N",
        help="a line is its site's template when it recurs in N documents of the site (default: 3; at least 2)",
    )
    config.add_argument(
        "--include",
        action=Extend,
        type=comma_list,
        metavar="GLOB",
        help="files to clean in folders (default: *.txt, *.html, *.htm, *.jsonl, *.warc, and each .gz)",
    )
    config.add_argument("--exclude", action=Extend, type=comma_list, metavar="GLOB", help="files and folders to skip")
    config.add_argument("--text-field", metavar="NAME", help="JSONL input: the field holding the text (default: text)")
    config.add_argument("--id-field", metavar="NAME", help="JSONL input: the field holding the id (default: id)")
    config.add_argument(
        "--html-field", metavar="NAME", help="JSONL input: the field holding the page's HTML, cleaned when present"
    )
    limits = shared.add_argument_group("limits")
    limits.add_argument(
        "--max-bytes",
        metavar="SIZE",
        help="the largest document read: a file, a JSONL line, a WARC page (default: 64 MiB; units KiB, MiB, GiB)",
    )
    limits.add_argument(
        "--max-gzip-ratio",
        type=positive,
        metavar="N",
        help="a .gz file may expand to N times its size, or to --max-bytes if more (default: 100)",
    )
    run = shared.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=positive, metavar="N", help="worker processes (default: the number of cores)")
    talk = run.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="say nothing but errors")
    talk.add_argument("-v", "--verbose", action="store_true", help="say what happens to every input")
    run.add_argument(
        "--color",
        choices=COLOR_MODES,
        default="auto",
        help="colour the output (default: on a terminal, unless NO_COLOR is set)",
    )
    return shared


def unrecognized(extras: Sequence[str], known: Sequence[str]) -> str:
    """The error for arguments no option takes, with a "did you mean" for a mistyped option.

    >>> unrecognized(["--typograpy"], ["--typography", "--typos", "--keep"])
    "unrecognized arguments: --typograpy (did you mean '--typography'?)"
    >>> unrecognized(["--kep=caption", "extra"], ["--keep"])
    "unrecognized arguments: --kep=caption extra (did you mean '--keep'?)"
    """
    hints = [did_you_mean(e.split("=", 1)[0], known) for e in extras if e.startswith("--")]
    return f"unrecognized arguments: {' '.join(extras)}{next((h for h in hints if h), '')}"


class Parser(argparse.ArgumentParser):
    """The top-level parser: an argument no option takes is an error of its sub-command, under that usage."""

    commands: dict[str, argparse.ArgumentParser]

    def parse_args(self, args: Sequence[str] | None = None, namespace: None = None) -> argparse.Namespace:  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = self.commands.get(getattr(parsed, "command", None) or "", self)
            command.error(unrecognized(extras, sorted(command._option_string_actions)))
        return parsed


def build_parser() -> Parser:
    """The argument parser, with one sub-command per job.

    >>> build_parser().commands["clean"].prog
    'cleaner clean'
    """
    parser = Parser(prog="cleaner", description="Scraped news in, clean text and metadata out.", epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parser.commands = commands.choices
    shared = shared_options()
    paths_help = "files, or folders (searched recursively)"

    def command(name: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[shared], help=HELP[name], description=HELP[name], epilog=EPILOG)

    clean = command("clean")
    clean.add_argument("paths", nargs="+", metavar="PATH", help=paths_help + ", or - for stdin")
    clean.add_argument("--format", "-f", choices=FORMATS, default="txt", help="output format (default: txt)")
    clean.add_argument(
        "-o", "--output", metavar="DIR", help="write one output per input here, mirroring the input tree"
    )
    for name in ("fix", "check", "diff"):
        fixing = command(name)
        fixing.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
        fixing.add_argument(
            "--filter-files",
            action="store_true",
            help="apply the include and exclude globs to files named on the command line too (the pre-commit hook does)",
        )
    explain = command("explain")
    explain.add_argument("paths", nargs="+", metavar="FILE", help="the files to explain")
    explain.add_argument("--format", "-f", choices=("txt", "json"), default="txt", help="output format (default: txt)")
    report = command("report")
    report.add_argument("paths", nargs="+", metavar="PATH", help=paths_help + ", or - for stdin")
    report.add_argument(
        "-o", "--output", metavar="FILE", default="report.html", help="the report (default: report.html)"
    )
    report.add_argument(
        "--top",
        type=positive,
        default=50,
        metavar="N",
        help="side-by-side views of the N most changed documents (default: 50)",
    )
    return parser


def config_start(paths: Sequence[str]) -> Path:
    """Where to look for pyproject.toml: the deepest folder holding every path given (else the current folder)."""
    real = [os.path.abspath(p) for p in paths if p != "-"]
    if not real:
        return Path.cwd()
    try:
        return Path(os.path.commonpath(real))
    except ValueError:  # paths on different drives
        return Path.cwd()


def load_config(args: argparse.Namespace) -> tuple[Config, Path | None]:
    """The config (``--config``, or the nearest pyproject.toml, then the flags on top) and the file it came from."""
    source: Path | None
    if args.config:
        source = Path(args.config)
        try:
            config = Config.from_file(source)
        except OSError as error:
            raise ConfigError(f"{source}: cannot read config ({error.strerror or error})") from None
    else:
        source = find_pyproject(config_start(args.paths))
        config = Config.from_pyproject(source) if source else Config()
    if source is not None:
        try:
            chain(config)
        except ConfigError as error:
            raise ConfigError(f"{source}: {error}") from None
    flags = {name: getattr(args, name) for name in FLAG_FIELDS if getattr(args, name, None) is not None}
    try:
        return chain(config.replace(**flags)), source
    except ConfigError as error:
        raise ConfigError(f"command line: {error}") from None


def chain(config: Config) -> Config:
    """``config``, once the chain it asks for can be built (a step to disable that does not exist is a :class:`ConfigError`)."""
    from cleaner.cli.work import pipeline_for

    pipeline_for(config)
    return config
