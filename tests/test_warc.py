"""WARC input: HTML responses only, with their URL and crawl date; broken records named by offset."""

from __future__ import annotations

import io
import json
from pathlib import Path

from html_pages import PARAGRAPHS, page
from test_cli_support import run
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.config import Config
from cleaner.io.readers import read_inputs

CLEAN = "\n\n".join(PARAGRAPHS) + "\n"


def write_warc(path: Path, gzipped: bool = True) -> Path:
    """A WARC of our own: an HTML response in UTF-8, one in cp1252, a request, and an image response."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)

        def response(url: str, body: bytes, content_type: str) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )

        response("https://example.com/a", page().encode("utf-8"), "text/html; charset=utf-8")
        curly = (*PARAGRAPHS[:3], "“We will keep it open,” the mayor said – and the café cheered.")
        legacy = page(paragraphs=curly, charset="windows-1252").replace('<meta charset="windows-1252">', "")
        response("https://example.com/b", legacy.encode("cp1252"), "text/html; charset=windows-1252")
        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "example.com")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://example.com/a", "request", http_headers=request))
        response("https://example.com/c.png", b"\x89PNG\r\n\x1a\n", "image/png")
    return path


def test_only_html_responses_are_read(tmp_path: Path) -> None:
    items = list(read_inputs([str(write_warc(tmp_path / "crawl.warc.gz"))], Config()))
    assert [i.url for i in items] == ["https://example.com/a", "https://example.com/b"]
    assert all(i.error is None and i.meta["crawl_date"] for i in items)
    assert items[1].charset == "windows-1252"


def test_the_command_cleans_a_warc(tmp_path: Path) -> None:
    source = write_warc(tmp_path / "crawl.warc", gzipped=False)
    result = run("clean", "-f", "jsonl", source)
    assert result.code == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r["metadata"]["url"] for r in records] == ["https://example.com/a", "https://example.com/b"]
    assert records[0]["text"] == CLEAN
    assert "“We will keep it open,” the mayor said" in run("clean", "--typography", source).out
    assert all(r["id"].startswith("urn:uuid:") and r["metadata"]["crawl_date"] for r in records)


def test_output_folder_gets_one_file_per_warc(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    write_warc(data / "crawl.warc.gz")
    out = tmp_path / "out"
    assert run("clean", "-f", "jsonl", "-o", out, data).code == 0
    lines = (out / "crawl.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2


def test_a_broken_warc_names_its_offset_and_the_run_goes_on(tmp_path: Path) -> None:
    good = write_warc(tmp_path / "good.warc", gzipped=False)
    broken = tmp_path / "broken.warc"
    data = good.read_bytes()
    second = data.index(b"WARC/1.0", 10)
    broken.write_bytes(data[:second] + b"JUNK/1.0" + data[second + 8 :])
    plain = tmp_path / "ok.txt"
    plain.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    result = run("clean", "-f", "jsonl", broken, plain)
    assert result.code == 123
    assert f"{broken}@{second}: broken WARC record" in result.err and "Traceback" not in result.err
    assert json.loads(result.out.splitlines()[-1])["text"] == CLEAN
