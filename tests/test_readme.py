"""The README and the pages of ``docs/`` work as written: their code fences close, their Python examples run as
pasted, their console examples print what they show, and the README's first command works."""

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
#: The README, then every page of the docs (the text moved out of the README lives there).
PAGES = (README, *sorted((ROOT / "docs").glob("*.md")))
FENCE = re.compile(r"^\s*(```+)(\S*)\s*$")


def fenced_blocks(markdown: str, name: str = "README.md") -> list[tuple[str, int, str]]:
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
        raise AssertionError(f"{name}:{inside[1] - 1}: code fence never closed")
    return blocks


def where(page: Path, line: int) -> str:
    """``README.md:12``, ``docs/library.md:40``: a line of a page, named from the repository's root."""
    return f"{page.relative_to(ROOT).as_posix()}:{line}"


def python_blocks() -> list[tuple[str, str]]:
    """``(where, code)`` of every Python block of every page, each code once (a page may repeat the README's)."""
    seen: set[str] = set()
    blocks = []
    for page in PAGES:
        for language, first, code in fenced_blocks(page.read_text(encoding="utf-8"), page.relative_to(ROOT).as_posix()):
            if language == "python" and code not in seen:
                seen.add(code)
                blocks.append((where(page, first), code))
    return blocks


def whole_text() -> str:
    """The README and every docs page, one after the other."""
    return "\n".join(page.read_text(encoding="utf-8") for page in PAGES)


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


@pytest.mark.parametrize("page", [pytest.param(page, id=page.name) for page in PAGES])
def test_every_code_fence_is_closed_and_no_heading_is_swallowed(page: Path) -> None:
    blocks = fenced_blocks(page.read_text(encoding="utf-8"), page.relative_to(ROOT).as_posix())
    for language, first, code in blocks:
        assert not re.search(r"^##+ \S", code, re.M), f"{where(page, first)}: a heading inside a {language} block"


def test_the_pages_hold_the_examples() -> None:
    assert len(PAGES) > 10
    assert sum(len(fenced_blocks(page.read_text(encoding="utf-8"))) for page in PAGES) > 30
    assert len(python_blocks()) > 5


def test_every_table_row_and_code_block_of_the_readme_is_in_the_docs() -> None:
    """The README keeps a part of the docs: its tables and code (where the numbers and the examples are) are
    copies of lines of the docs pages, links aside, so the two cannot drift apart."""
    links = re.compile(r"\]\((?!https?:)[^)#]*(#[^)]*)?\)")  # a link within the docs: its anchor only
    docs = "\n".join(links.sub(r"](\1)", page.read_text(encoding="utf-8")) for page in PAGES[1:])
    readme = links.sub(r"](\1)", README.read_text(encoding="utf-8"))
    rows = [line for line in readme.splitlines() if line.startswith("| ")]
    assert len(rows) > 20
    missing = [row for row in rows if row not in docs.splitlines()]
    assert not missing, f"README rows not in docs/: {missing[:3]}"
    for _, first, code in fenced_blocks(readme):
        assert code in docs, f"README.md:{first}: a code block not in docs/"


def test_the_fence_checker_finds_an_unclosed_fence() -> None:
    with pytest.raises(AssertionError, match=r"README\.md:2: code fence never closed"):
        fenced_blocks("text\n```sh\nls\n\n## A heading\n")


@pytest.mark.parametrize(
    ("at", "code"),
    [
        pytest.param(at, code, id=at, marks=[pytest.mark.slow] if needs_datatrove(code) else [])
        for at, code in python_blocks()
    ],
)
def test_python_example_runs_as_pasted(at: str, code: str, tmp_path: Path) -> None:
    """Each block runs alone, as a script, in a fresh namespace, from a folder holding ``samples/``."""
    if needs_datatrove(code):
        pytest.importorskip("datatrove")
    name = "__readme__" if needs_a_cluster(code) else "__main__"
    with in_folder_with_samples(tmp_path), contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, at, "exec"), {"__name__": name})
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

    text = whole_text()
    assert text.count("<!-- registry:start -->") == 1
    shown = text.split("<!-- registry:start -->\n", 1)[1].split("\n<!-- registry:end -->", 1)[0]
    assert shown == markdown(), "the docs' table differs from registry.markdown(): paste its output again"


def test_the_walk_through_one_page_is_what_explain_shows() -> None:
    """Every line of the walk's excerpt is a line ``cleaner explain`` prints (up to the ellipsis)."""
    text = whole_text()
    walk = re.split(r"^#+ One page, walked through$", text, maxsplit=1, flags=re.M)[1].split("```", 2)[1]
    walk = walk.split("\n", 1)[1]
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


def every_console_example() -> list[tuple[str, str, list[str]]]:
    """``(where, command, shown)`` of every page's console examples, each once (a page may repeat the README's)."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    examples = []
    for page in PAGES:
        for number, command, shown in console_examples(page.read_text(encoding="utf-8")):
            if (command, tuple(shown)) not in seen:
                seen.add((command, tuple(shown)))
                examples.append((where(page, number), command, shown))
    return examples


@pytest.mark.parametrize(
    ("number", "command", "shown"), [pytest.param(n, c, s, id=n) for n, c, s in every_console_example()]
)
def test_console_example_runs_as_written(number: str, command: str, shown: list[str], tmp_path: Path) -> None:
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
    assert argv[0] == "cleaner", f"{number}: not a cleaner command"
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        done = run(*argv[1:])
    finally:
        os.chdir(before)
    assert done.code in (0, 1, 2), f"{number}: exit {done.code}: {done.err}"
    if target is not None:
        (tmp_path / target).write_text(done.out, encoding="utf-8")
    if not shown:
        assert done.code in (0, 1), f"{number}: exit {done.code}: {done.err}"
        return
    printed = (done.out + done.err).splitlines()
    if any("…" in line for line in shown):
        for line in shown:
            head = line.split("…")[0].rstrip()
            assert not head or any(p.startswith(head) for p in printed), f"{number}: {line!r} not printed"
    else:
        assert [p for p in printed if not p.startswith("cleaner: ") or p in shown] == shown, f"{number}"
