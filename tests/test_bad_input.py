"""Dirty input, case by case: every problem is one line naming the file (and line), never a traceback;
the other inputs are still processed; nothing is rewritten that should not be."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from pathlib import Path

import pytest
from html_pages import PARAGRAPHS, page
from test_cli_support import NAMES, SAMPLES, expected, run, snapshot

from cleaner.config import Config
from cleaner.io.errors import BinaryInput, InputError, TooLarge
from cleaner.io.readers import read_inputs
from cleaner.io.text import SIGNATURES, decode_text

RAW = (SAMPLES / NAMES[3]).read_text(encoding="utf-8")
CLEAN = expected(NAMES[3])
#: A short article in a Western language, with accents, curly quotes and a dash in windows-1252.
FRENCH = (
    "Le gouvernement a présenté mercredi son projet de budget, qui prévoit une hausse des dépenses.\n\n"
    "« Nous irons jusqu’au bout », a déclaré la ministre – sans préciser le calendrier.\n"
)
#: A byline above it, which cleaning removes (so that ``fix`` rewrites the file).
BYLINE = "Par Jeanne Dupont\n\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding one raw article that needs fixing."""
    target = tmp_path / "data"
    target.mkdir()
    (target / "article.txt").write_text(RAW, encoding="utf-8")
    return target


def assert_fixed(folder: Path) -> None:
    assert (folder / "article.txt").read_text(encoding="utf-8") == CLEAN


def assert_clean_run(err: str) -> None:
    assert "Traceback" not in err
    assert all(line.startswith("cleaner: ") for line in err.splitlines()), err


# Binary files with a text extension: never rewritten, skipped in folders, an error when named.

#: A few bytes of every binary format the signatures know, none of them with a NUL byte in it.
BINARY_STARTS = [
    (b"\x89PNG\r\n\x1a\n\x12IHDR\x01\x02", "PNG image"),
    (b"\xff\xd8\xff\xe0\x10JFIF\x01\x01", "JPEG image"),
    (b"GIF89a\x01\x02\x03", "GIF image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    (b"PK\x03\x04\x14\x06\x08", "ZIP archive"),
    (b"\x1f\x8b\x08\x08\x12\x34", "gzip data"),
    (b"BZh91AY&SY\x12\x34", "bzip2 data"),
    (b"\x7fELF\x02\x01\x01", "ELF executable"),
    (b"RIFF\x10\x20\x30\x40WEBPVP8 ", "WebP image"),
    (b"\x11\x22\x33\x44ftypisom\x01", "MP4 or QuickTime media"),
    (b"SQLite format 3\x00\x10", "SQLite database"),
]


@pytest.mark.parametrize(("start", "name"), BINARY_STARTS, ids=[n for _, n in BINARY_STARTS])
def test_a_file_signature_says_binary_whatever_the_name(start: bytes, name: str) -> None:
    data = start + bytes(range(0x80, 0x100)) * 4
    with pytest.raises(BinaryInput, match=rf"binary file \({name}\), not text"):
        decode_text(data, "a.txt")


def test_every_signature_is_tested() -> None:
    assert {name for _, name in SIGNATURES} - {name for _, name in BINARY_STARTS} <= {
        "TIFF image",
        "WAV audio",
        "AVI video",
        "Matroska or WebM video",
        "Ogg media",
        "FLAC audio",
        "MP3 audio",
        "web font",
        "OLE document (old Microsoft Office)",
        "xz data",
        "zstd data",
        "7-Zip archive",
        "RAR archive",
        "Mach-O executable or Java class",
        "WebAssembly module",
    }


@pytest.mark.parametrize(
    "text",
    [
        "GIF prices rose",  # words that start like a signature
        "PK is a Pakistani airline code.",
        "%PDF is not a word, but the line is text.",
        "ID3 tags hold the title of a song.",
        "BZh is no word either.",
        "RIFF raff",
    ],
)
def test_text_that_starts_like_a_signature_is_text(text: str) -> None:
    assert decode_text(text.encode("utf-8"), "a.txt") == text


def test_fix_never_rewrites_a_png_without_nul_bytes(folder: Path) -> None:
    """The case of the issue: a PNG header, then bytes with no NUL, in a .txt file."""
    image = folder / "image.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 8)
    before = image.read_bytes()
    named = run("fix", image, folder / "article.txt")
    assert named.code == 123
    assert f"cleaner: {image}: binary file (PNG image), not text" in named.err
    assert image.read_bytes() == before
    assert_fixed(folder)
    in_folder = run("fix", folder)
    assert in_folder.code == 0, in_folder.err
    assert f"skipped {image}: binary file" in in_folder.err
    assert image.read_bytes() == before
    assert_clean_run(named.err + in_folder.err)


def test_control_characters_without_nul_or_signature_are_binary(folder: Path) -> None:
    noise = folder / "noise.txt"
    noise.write_bytes(bytes(b for b in range(1, 256) if b not in b"\t\n\r") * 40)
    before = noise.read_bytes()
    result = run("fix", noise, folder / "article.txt")
    assert result.code == 123
    assert (
        f"cleaner: {noise}: binary file (" in result.err
        and "control or undecodable characters), not text" in result.err
    )
    assert noise.read_bytes() == before
    assert_fixed(folder)


def test_a_few_control_characters_in_text_are_cleaned_away(folder: Path) -> None:
    text = folder / "bell.txt"
    text.write_bytes(b"The talks went on for hours, officials said on Monday.\x07\x1b\n")
    result = run("fix", text)
    assert result.code == 1, result.err
    assert text.read_text(encoding="utf-8") == "The talks went on for hours, officials said on Monday.\n"


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.txt.gz"])
def test_nul_bytes_are_binary_in_every_text_format(tmp_path: Path, name: str) -> None:
    data = b"Some text\x00\x00\x00with NUL bytes in it."
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    result = run("clean", path)
    assert result.code == 123
    assert f"cleaner: {path}: binary file (NUL bytes), not " in result.err
    assert_clean_run(result.err)


def test_a_binary_page_and_a_binary_record_fail_alone(tmp_path: Path) -> None:
    (tmp_path / "photo.html").write_bytes(b"\xff\xd8\xff\xe0 JFIF" + bytes(range(1, 256)))
    (tmp_path / "page.html").write_text(f"<html><body><article><p>{CLEAN}</p></article></body></html>", "utf-8")
    folder = run("clean", tmp_path)
    assert folder.code == 0, folder.err
    assert f"skipped {tmp_path / 'photo.html'}: binary file" in folder.err
    named = run("clean", tmp_path / "photo.html", tmp_path / "page.html")
    assert named.code == 123
    assert f"cleaner: {tmp_path / 'photo.html'}: binary file (JPEG image), not a page" in named.err
    assert "NATO would like" in named.out


def test_a_page_nested_deeper_than_the_parser_reads_keeps_its_article(tmp_path: Path) -> None:
    deep = "<div><span>" * 2000 + "<p>Deep inside the page.</p>" + "</span></div>" * 2000
    path = tmp_path / "deep.html"
    path.write_text(page(extra_body=deep).replace("<article>", deep + "<article>", 1), encoding="utf-8")
    result = run("clean", path)
    assert result.code == 0, result.err
    assert PARAGRAPHS[0] in result.out and PARAGRAPHS[-1] in result.out


# Encodings and line endings.


@pytest.mark.parametrize(
    ("encode", "label"),
    [
        (lambda t: t.encode("cp1252"), "cp1252"),
        (lambda t: t.replace("’", "'").replace("–", "-").encode("latin-1"), "latin-1"),
        (lambda t: t.encode("utf-16"), "utf-16 with a BOM"),
        (lambda t: t.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16-be with a BOM"),
        (lambda t: t.encode("utf-8-sig"), "utf-8 with a BOM"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_encodings_are_read_and_fix_writes_utf8(tmp_path: Path, encode, label: str) -> None:  # type: ignore[no-untyped-def]
    text = FRENCH if label != "latin-1" else FRENCH.replace("’", "'").replace("–", "-")
    path = tmp_path / "article.txt"
    path.write_bytes(encode(BYLINE + text))
    assert decode_text(path.read_bytes(), str(path)) == BYLINE + text, label
    result = run("fix", path)
    assert result.code == 1, result.err
    assert path.read_bytes() == text.replace("’", "'").encode("utf-8"), label
    assert run("fix", path).code == 0, "a second run changes nothing"


def test_a_clean_file_in_another_encoding_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    text = FRENCH.replace("’", "'").replace("–", "-")
    path.write_bytes(text.encode("latin-1"))
    assert run("fix", path).code == 0
    assert path.read_bytes() == text.encode("latin-1")


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_crlf_and_lone_cr_become_line_feeds(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(CLEAN.replace("\n", ending).encode("utf-8"))
    assert run("check", path).code == 1
    assert run("fix", path).code == 1
    assert path.read_text(encoding="utf-8") == CLEAN
    assert run("fix", path).code == 0


def test_broken_utf16_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfeA\x00B")
    result = run("clean", path)
    assert (result.code, result.out) == (123, "")
    assert f"cleaner: {path}: broken utf-16 text at byte" in result.err


# Empty, blank, chrome only.


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\n", b" \t \n \r\n\xc2\xa0"])
def test_empty_and_whitespace_only_files_are_left_alone(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    fixed = run("fix", path)
    assert fixed.code == 0, fixed.err
    assert "0 files fixed, 1 unchanged, 0 failed" in fixed.err
    assert path.read_bytes() == data, "an empty result is never written over a file"
    assert run("check", path).code == 0
    cleaned = run("clean", path)
    assert (cleaned.code, cleaned.out) == (0, "")
    assert_clean_run(fixed.err + cleaned.err)


def test_a_file_of_nothing_but_chrome_is_never_emptied(folder: Path) -> None:
    chrome = folder / "chrome.txt"
    chrome.write_text(
        "Home > News > World\n\nBy Jane Doe\n\n6 December 2017 16:20\n\nShare on Facebook\n\n"
        "Follow us on Twitter @example\n\nAdvertisement\n\n© 2019 Example News. All rights reserved.\n",
        encoding="utf-8",
    )
    before = chrome.read_bytes()
    result = run("fix", folder)
    assert result.code == 123
    assert f"cleaner: {chrome}: cleans to nothing; left as it is" in result.err
    assert chrome.read_bytes() == before
    assert_fixed(folder)
    cleaned = run("clean", chrome)
    assert (cleaned.code, cleaned.out) == (0, "")


# JSONL records.


def test_malformed_jsonl_lines_name_their_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "ok", "text": RAW}),
        "{not json",
        '"a string"',
        "[1, 2]",
        json.dumps({"id": "missing"}),
        json.dumps({"id": "null", "text": None}),
        json.dumps({"id": "number", "text": 5}),
        json.dumps({"id": "list", "text": ["a"]}),
        json.dumps({"id": "object", "text": {"a": 1}}),
        "",
        b"\xff\xfe not utf-8".decode("latin-1"),
        json.dumps({"id": "ok2", "text": RAW}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("clean", "-f", "jsonl", feed)
    assert result.code == 123
    assert [json.loads(line)["id"] for line in result.out.splitlines()] == ["ok", "ok2"]
    for line, reason in [
        (2, "not valid JSON"),
        (3, "a JSON str, not an object"),
        (4, "a JSON list, not an object"),
        (5, "no 'text' field"),
        (6, "field 'text' is null"),
        (7, "field 'text' is not a string (a JSON number)"),
        (8, "field 'text' is not a string (a JSON array)"),
        (9, "field 'text' is not a string (a JSON object)"),
        (11, "not valid JSON"),
    ]:
        assert f"cleaner: {feed}:{line}: {reason}" in result.err, (line, result.err)
    assert "2 documents cleaned (2 changed, 0 unchanged), 9 failed" in result.err
    assert_clean_run(result.err)


def test_a_jsonl_line_past_max_bytes_fails_alone_without_being_held(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    big = json.dumps({"id": "big", "text": "word " * 50_000})
    feed.write_text("\n".join([json.dumps({"id": "a", "text": RAW}), big, json.dumps({"id": "b", "text": RAW})]) + "\n")
    result = run("clean", "-f", "jsonl", "--max-bytes", "100 KiB", feed)
    assert result.code == 123
    assert f"cleaner: {feed}:2: record too large (more than 102400 bytes; see max-bytes)" in result.err
    assert [json.loads(line)["id"] for line in result.out.splitlines()] == ["a", "b"]


# Limits: files past max-bytes, gzip bombs.


def gzip_bomb(path: Path, size: int) -> Path:
    """A gzip file that expands to ``size`` bytes of one letter (a few kB on disk)."""
    with gzip.open(path, "wb", compresslevel=9) as out:
        chunk = b"a" * (1 << 20)
        for _ in range(size >> 20):
            out.write(chunk)
    return path


def test_a_file_past_max_bytes_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("The talks went on. " * 10_000, encoding="utf-8")
    result = run("clean", "--max-bytes", "64KiB", path)
    assert result.code == 123
    assert f"cleaner: {path}: file too large (190000 bytes; the limit is 65536, max-bytes)" in result.err


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.html.gz"])
def test_a_gzipped_file_is_bounded_by_max_bytes(tmp_path: Path, name: str) -> None:
    bomb = gzip_bomb(tmp_path / name, 8 << 20)
    result = run("clean", "--max-bytes", "1MiB", bomb)
    assert result.code == 123
    assert f"cleaner: {bomb}: " in result.err
    assert "see max-bytes" in result.err or "see max-gzip-ratio" in result.err
    assert_clean_run(result.err)


def test_a_jsonl_gzip_bomb_stops_at_the_ratio_limit(tmp_path: Path) -> None:
    """A file of 100 MB of newlines, a hundred kB gzipped: refused as a bomb long before its end."""
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        out.write((json.dumps({"id": "first", "text": RAW}) + "\n").encode())
        for _ in range(100):
            out.write(b"\n" * (1 << 20))
    size = bomb.stat().st_size
    result = run("clean", "-f", "jsonl", "--max-bytes", "1MiB", "--max-gzip-ratio", "10", bomb)
    assert result.code == 123
    assert [json.loads(line)["id"] for line in result.out.splitlines()] == ["first"]
    limit = max(10 * size, 1 << 20)
    assert limit < 20 << 20
    assert f"cleaner: {bomb}:" in result.err
    assert f"expands past {limit} bytes: a decompression bomb? (see max-gzip-ratio)" in result.err
    assert "Traceback" not in result.err


def test_the_gzip_ratio_is_configurable(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl.gz"
    feed.write_bytes(gzip.compress((json.dumps({"id": "a", "text": RAW}) + "\n").encode() * 50, compresslevel=9))
    low = Config(max_bytes=1000, max_gzip_ratio=2)
    items = list(read_inputs([str(feed)], low))
    assert items[-1].error is not None and "decompression bomb" in items[-1].error.reason
    assert all(i.error is None for i in read_inputs([str(feed)], Config()))
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nmax-gzip-ratio = 2\nmax-bytes = "1 KiB"\n')
    assert "decompression bomb" in run("clean", feed).err


def test_a_warc_page_past_max_bytes_fails_alone(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        noise = random.Random(0).randbytes(150_000).hex().encode()  # 300 kB that gzip cannot shrink much
        for n, body in enumerate([b"<p>" + noise + b"</p>", page().encode()]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                f"https://example.com/{n}", "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    result = run("clean", "-f", "jsonl", "--max-bytes", "100KiB", path)
    assert result.code == 123
    assert "page too large (more than 102400 bytes; see max-bytes)" in result.err
    assert len(result.out.splitlines()) == 1 and PARAGRAPHS[0] in result.out


# Paths: missing, symlink loops, broken links, non-ASCII and undecodable names, unreadable files.


def test_paths_that_do_not_exist_fail_and_the_others_go_on(folder: Path) -> None:
    for command in ("fix", "check", "diff", "clean", "explain"):
        result = run(command, folder / "nope.txt", folder / "nope", folder / "article.txt")
        assert result.code == 123, command
        assert f"cleaner: {folder / 'nope.txt'}: no such file or folder" in result.err
        assert f"cleaner: {folder / 'nope'}: no such file or folder" in result.err
    assert_fixed(folder)


def test_symlink_loops_and_broken_links(folder: Path) -> None:
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "a" / "self").symlink_to(folder / "a", target_is_directory=True)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    result = run("fix", folder)
    assert result.code == 1, result.err
    assert "1 file fixed, 0 unchanged, 0 failed" in result.err
    assert_fixed(folder)
    named = run("clean", folder / "gone.txt", folder / "loop.txt")
    assert named.code == 123
    assert f"cleaner: {folder / 'gone.txt'}: broken symbolic link" in named.err
    assert f"cleaner: {folder / 'loop.txt'}: broken symbolic link" in named.err
    assert_clean_run(result.err + named.err)


def test_non_ascii_file_names(tmp_path: Path) -> None:
    names = ["naïve – ünïcödé.txt", "日本語の記事.txt", "статья.txt"]
    for name in names:
        (tmp_path / name).write_text(RAW, encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-out"
    result = run("clean", "-f", "jsonl", "-o", out, tmp_path)
    assert result.code == 0, result.err
    for name in names:
        record = json.loads((out / name).with_suffix(".jsonl").read_text(encoding="utf-8"))
        assert (record["id"], record["text"]) == (Path(name).stem, CLEAN)
    assert run("fix", tmp_path).code == 1
    assert all((tmp_path / name).read_text(encoding="utf-8") == CLEAN for name in names)


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes on disk: a lone surrogate in Python
    (tmp_path / name).write_text(RAW, encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-out"
    result = run("clean", "-f", "jsonl", "-o", out, tmp_path)
    assert result.code == 0, result.err
    (written,) = out.iterdir()
    assert json.loads(written.read_text(encoding="utf-8"))["id"] == "caf\ufffd"
    assert run("fix", tmp_path).code == 1
    assert (tmp_path / name).read_text(encoding="utf-8") == CLEAN


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_fails_alone(folder: Path) -> None:
    locked = folder / "locked.txt"
    locked.write_text(RAW, encoding="utf-8")
    locked.chmod(0)
    result = run("fix", folder)
    assert result.code == 123
    assert f"cleaner: {locked}: Permission denied" in result.err
    assert_fixed(folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in every folder")
def test_an_unwritable_folder_fails_the_file_and_leaves_it(folder: Path) -> None:
    (folder / "ro").mkdir()
    article = folder / "ro" / "a.txt"
    article.write_text(RAW, encoding="utf-8")
    (folder / "ro").chmod(0o555)
    try:
        result = run("fix", folder)
        assert result.code == 123
        assert f"cleaner: {article}: cannot write: Permission denied" in result.err
        assert article.read_text(encoding="utf-8") == RAW
    finally:
        (folder / "ro").chmod(0o755)
    assert_fixed(folder)
    assert not [p for p in folder.rglob(".*.tmp")]


# Other errors of the readers.


def test_input_errors_are_input_errors() -> None:
    assert issubclass(BinaryInput, InputError) and issubclass(TooLarge, InputError)


def test_a_corrupt_gzip_file_names_itself(tmp_path: Path) -> None:
    broken = tmp_path / "a.txt.gz"
    broken.write_bytes(gzip.compress(RAW.encode())[:-20])
    truncated = tmp_path / "b.jsonl.gz"
    truncated.write_bytes(gzip.compress((json.dumps({"text": RAW}) + "\n").encode() * 3)[:-30])
    result = run("clean", broken, truncated)
    assert result.code == 123
    assert f"cleaner: {broken}: " in result.err and f"cleaner: {truncated}:" in result.err
    assert_clean_run(result.err)


def test_nothing_in_the_input_folder_changes_when_every_input_fails(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\nxyz")
    (tmp_path / "b.jsonl").write_text("{bad\n")
    before = snapshot(tmp_path)
    result = run("fix", tmp_path / "a.txt", tmp_path / "b.jsonl")
    assert result.code == 123
    assert snapshot(tmp_path) == before
