"""The README works as written: its code fences close, its Python examples run as pasted, its first command."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli_support import ROOT, SAMPLES, run

README = ROOT / "README.md"
FENCE = re.compile(r"^\s*(```+)(\S*)\s*$")


def fenced_blocks(markdown: str) -> list[tuple[str, int, str]]:
    """``(language, first line number, code)`` of every fenced block, in order.

    >>> fenced_blocks("a\\n```python\\nx = 1\\n```\\n  ```sh\\n  ls\\n  ```\\n")
    [('python', 3, 'x = 1\\n'), ('sh', 6, 'ls\\n')]
    """
    blocks: list[tuple[str, int, str]] = []
    inside: tuple[str, int, str, list[str]] | None = None  # fence, first line, language, lines
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = FENCE.match(line)
        if inside is None:
            if match:
                indent = line[: len(line) - len(line.lstrip())]
                inside = (match.group(1), number + 1, match.group(2), [indent])
            continue
        fence, first, language, lines = inside
        if match and not match.group(2) and len(match.group(1)) >= len(fence):
            indent, body = lines[0], lines[1:]
            blocks.append((language, first, "".join(b.removeprefix(indent) + "\n" for b in body)))
            inside = None
        else:
            lines.append(line)
    if inside is not None:
        raise AssertionError(f"README.md:{inside[1] - 1}: code fence never closed")
    return blocks


def python_blocks() -> list[tuple[int, str]]:
    return [
        (first, code)
        for language, first, code in fenced_blocks(README.read_text(encoding="utf-8"))
        if language == "python"
    ]


def needs_datatrove(code: str) -> bool:
    return "datatrove" in code


def needs_a_cluster(code: str) -> bool:
    """A Slurm or Ray example: it is built (imports, arguments), but its ``__main__`` part is not run."""
    return bool(re.search(r"\b(Slurm|Ray)PipelineExecutor\b", code))


@contextlib.contextmanager
def in_folder_with_samples(folder: Path) -> Iterator[Path]:
    """Run in ``folder``, which has ``samples/`` as the repository's (the examples read them)."""
    (folder / "samples").symlink_to(SAMPLES, target_is_directory=True)
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(before)


def test_every_code_fence_is_closed_and_no_heading_is_swallowed() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = fenced_blocks(text)
    assert len(blocks) > 20
    for language, first, code in blocks:
        assert not re.search(r"^##+ \S", code, re.M), f"README.md:{first}: a heading inside a {language} block"


def test_the_fence_checker_finds_an_unclosed_fence() -> None:
    with pytest.raises(AssertionError, match=r"README\.md:2: code fence never closed"):
        fenced_blocks("text\n```sh\nls\n\n## A heading\n")


@pytest.mark.parametrize(
    ("first", "code"),
    [
        pytest.param(first, code, id=f"line-{first}", marks=[pytest.mark.slow] if needs_datatrove(code) else [])
        for first, code in python_blocks()
    ],
)
def test_python_example_runs_as_pasted(first: int, code: str, tmp_path: Path) -> None:
    """Each block runs alone, as a script, in a fresh namespace, from a folder holding ``samples/``."""
    if needs_datatrove(code):
        pytest.importorskip("datatrove")
    name = "__readme__" if needs_a_cluster(code) else "__main__"
    with in_folder_with_samples(tmp_path), contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, f"README.md:{first}", "exec"), {"__name__": name})
    if "LocalPipelineExecutor" in code:
        outputs = sorted((tmp_path / "clean").glob("*.jsonl.gz"))
        written = sum(len(gzip.decompress(path.read_bytes()).splitlines()) for path in outputs)
        assert len(outputs) == 2 and written == len(list(SAMPLES.glob("*.txt")))


def test_the_first_command_cleans_the_five_samples_once() -> None:
    result = run("clean", SAMPLES)
    assert result.code == 0
    assert "5 documents cleaned (5 changed, 0 unchanged), 0 failed" in result.err
    assert result.out.count("==> ") == 5


def test_the_table_in_how_it_works_is_the_registry() -> None:
    from cleaner.strip.registry import markdown

    text = README.read_text(encoding="utf-8")
    shown = text.split("<!-- registry:start -->\n", 1)[1].split("\n<!-- registry:end -->", 1)[0]
    assert shown == markdown(), "README's table differs from registry.markdown(): paste its output again"


def test_the_walk_through_one_page_is_what_explain_shows() -> None:
    """Every line of the walk's excerpt is a line ``cleaner explain`` prints (up to the ellipsis)."""
    text = README.read_text(encoding="utf-8")
    walk = text.split("### One page, walked through", 1)[1].split("```", 2)[1].split("\n", 1)[1]
    shown = run("explain", SAMPLES / "003_e17d417bc8a5f4fb.txt").out.splitlines()
    lines = [line for line in walk.splitlines() if line.strip()]
    assert len(lines) >= 5
    for line in lines:
        head = line.split(" …")[0].rstrip()
        assert any(s.startswith(head) for s in shown), line


def console_examples(markdown: str) -> list[tuple[int, str, list[str]]]:
    """Each ``$ cleaner …`` line of the console blocks, with its line number and the output lines shown under it."""
    out: list[tuple[int, str, list[str]]] = []
    for language, first, code in fenced_blocks(markdown):
        if language != "console":
            continue
        for offset, line in enumerate(code.splitlines()):
            if line.startswith("$ "):
                out.append((first + offset + 1, line[2:], []))
            elif out and out[-1][0] > first:
                out[-1][2].append(line)
    return out


@pytest.mark.parametrize(
    ("number", "command", "shown"),
    [pytest.param(n, c, s, id=f"line-{n}") for n, c, s in console_examples(README.read_text(encoding="utf-8"))],
)
def test_console_example_runs_as_written(number: int, command: str, shown: list[str], tmp_path: Path) -> None:
    """Each command runs on a copy of the repository's samples and examples; the output shown is what it prints
    (every line, or with ``…`` for what is left out, each shown line as the start of a printed one)."""
    import shlex
    import shutil

    shutil.copytree(SAMPLES, tmp_path / "samples")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    argv = shlex.split(command.split(" #", 1)[0])
    target = None
    if ">" in argv:
        at = argv.index(">")
        argv, target = argv[:at], argv[at + 1]
    assert argv[0] == "cleaner", f"README.md:{number}: not a cleaner command"
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        done = run(*argv[1:])
    finally:
        os.chdir(before)
    assert done.code in (0, 1, 2), f"README.md:{number}: exit {done.code}: {done.err}"
    if target is not None:
        (tmp_path / target).write_text(done.out, encoding="utf-8")
    if not shown:
        assert done.code in (0, 1), f"README.md:{number}: exit {done.code}: {done.err}"
        return
    printed = (done.out + done.err).splitlines()
    if any("…" in line for line in shown):
        for line in shown:
            head = line.split("…")[0].rstrip()
            assert not head or any(p.startswith(head) for p in printed), f"README.md:{number}: {line!r} not printed"
    else:
        assert [p for p in printed if not p.startswith("cleaner: ") or p in shown] == shown, f"README.md:{number}"
