"""The datatrove steps: every document comes out as the library would clean it, on datatrove's own executor."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document as Record
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from html_pages import page
from test_cli_support import NAMES, SAMPLES

import cleaner
from cleaner import Config
from cleaner.adapters.datatrove import (
    CleanerHtmlStep,
    CleanerStep,
    CollectTemplateLines,
    cleaner_metadata,
    load_templates,
    record_by_url,
    record_site,
)
from cleaner.cli.templates import corpus_templates
from cleaner.corpus import clean_corpus, find_templates
from cleaner.strip.templates import run_hashes

SAMPLE_TEXTS = [(SAMPLES / name).read_text(encoding="utf-8") for name in NAMES]
EMPTY_TEXT = "Share on Facebook\n\nFollow us on Twitter\n"

TOPICS = ("water", "housing", "transport", "library", "harbour", "school", "market", "bridge")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def story(site: int, n: int) -> str:
    """An article of three paragraphs of its own (different words in every document)."""
    topic, day = TOPICS[(site * 3 + n) % len(TOPICS)], DAYS[n % len(DAYS)]
    return (
        f"The {topic} committee met on {day} and agreed to spend {n + 2} million on repairs, members said.\n\n"
        f"Work on the {topic} plan number {site}{n} will start in the spring and should take about {n + 3} months.\n\n"
        f"Residents who spoke at the meeting on {day} said the {topic} work was overdue and welcomed the vote.\n"
    )


def corpus() -> list[list[dict[str, Any]]]:
    """Two JSONL files of records (``id``, ``text``, ``url``) from three sites.

    ``valley.example.com`` has two documents in each file: its template line
    is in four documents in all but only two per file, so only counting both
    files' lines finds it.  ``copies.example.org`` has two documents and, in
    the other file, an exact copy of one: a copy does not count, so its line
    (in two distinct documents) is no template.  The rest are the samples.
    """
    tagline = "Our reporters cover the valley towns every day of the week for you."
    valley = [f"{story(1, n)}\n{tagline}\n" for n in range(4)]
    shared = "The parish newsletter is written by volunteers who live in the village."
    copies = [f"{story(2, n)}\n{shared}\n" for n in range(2)]

    def rec(ident: str, text: str, url: str | None = None) -> dict[str, Any]:
        return {"id": ident, "text": text, **({"url": url} if url else {})}

    first = [
        rec("v0", valley[0], "https://valley.example.com/a/0"),
        rec("c0", copies[0], "https://copies.example.org/0"),
        rec("v1", valley[1], "https://www.valley.example.com/a/1"),
        rec("s0", SAMPLE_TEXTS[0]),
        rec("s1", SAMPLE_TEXTS[1]),
        rec("e0", EMPTY_TEXT, "https://valley.example.com/empty"),
    ]
    second = [
        rec("v2", valley[2], "https://valley.example.com/a/2"),
        rec("c1", copies[1], "https://copies.example.org/1"),
        rec("c0-copy", copies[0], "https://copies.example.org/0-again"),
        rec("v3", valley[3], "https://valley.example.com/a/3"),
        *(rec(f"s{n}", text) for n, text in enumerate(SAMPLE_TEXTS[2:], start=2)),
    ]
    return [first, second]


def write_jsonl(folder: Path, files: list[list[dict[str, Any]]]) -> None:
    folder.mkdir(parents=True)
    for n, records in enumerate(files):
        with (folder / f"part{n}.jsonl").open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(r) + "\n" for r in records)


def read_jsonl(folder: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                out[record["id"]] = record
    return out


def assert_cleaned_as(record: dict[str, Any], result: cleaner.Result, config: Config) -> None:
    """The record is the library's result: the clean text, and the cleaner's metadata in its metadata."""
    assert record["text"] == result.text
    expected = json.loads(json.dumps(cleaner_metadata(result, config)))
    assert {k: record["metadata"][k] for k in expected} == expected


def run_step(step: Any, records: list[Record]) -> list[Record]:
    return list(step.run(iter(records), rank=0, world_size=1))


# -- in this process -----------------------------------------------------------------------------


def test_each_document_is_what_clean_gives(tmp_path: Path) -> None:
    records = [Record(text, f"s{n}") for n, text in enumerate(SAMPLE_TEXTS)]
    out = run_step(CleanerStep(), records)
    assert [r.id for r in out] == [f"s{n}" for n in range(len(SAMPLE_TEXTS))]
    for record, text in zip(out, SAMPLE_TEXTS, strict=True):
        result = cleaner.clean(text)
        assert record.text == result.text
        assert {k: record.metadata[k] for k in result.metadata} == result.metadata
    third = out[3].metadata
    assert third["authors"] == ["Kamila Aliyeva"] and third["language"] == "en"
    assert third["removed"] == {"author-bio": 1, "byline": 1, "social": 1, "timestamp": 1, "title": 1}
    assert out[0].metadata["fixes"] == {"typo": 1}


def test_options_are_config_fields() -> None:
    text = SAMPLE_TEXTS[3]
    (kept,) = run_step(CleanerStep(keep=["byline"]), [Record(text, "a")])
    assert kept.text == cleaner.clean(text, keep=["byline"]).text and "By Kamila Aliyeva" in kept.text
    assert "byline" not in kept.metadata["removed"]
    (same,) = run_step(CleanerStep(Config(keep=("byline",))), [Record(text, "a")])
    assert same.text == kept.text
    with pytest.raises(cleaner.ConfigError):
        CleanerStep(typograpy=True)


def test_a_document_cleaned_to_nothing_is_dropped_with_a_reason(tmp_path: Path) -> None:
    writer = JsonlWriter(str(tmp_path / "dropped"), compression=None)
    step = CleanerStep(exclusion_writer=writer)
    out = run_step(step, [Record(EMPTY_TEXT, "gone"), Record(SAMPLE_TEXTS[3], "kept")])
    assert [r.id for r in out] == ["kept"]
    (dropped,) = read_jsonl(tmp_path / "dropped").values()
    assert dropped["id"] == "gone" and dropped["text"] == EMPTY_TEXT  # the input, as it came
    assert dropped["metadata"]["filter_reason"] == "empty"
    assert dropped["metadata"]["removed"] == {"social": 2}
    stats = {name: step.stats[name].total for name in ("total", "forwarded", "dropped", "dropped_empty", "changed")}
    assert stats == {"total": 2, "forwarded": 1, "dropped": 1, "dropped_empty": 1, "changed": 2}
    assert step.stats["removed_social"].total == 3 and step.stats["removed_byline"].total == 1


def test_the_html_step_is_what_clean_html_gives() -> None:
    html = page()
    url = "https://www.example.com/news/library"
    records = [
        Record(html, "page", metadata={"url": url}),
        Record("<html><body><nav><a href='/'>Home</a></nav></body></html>", "chrome"),
    ]
    step = CleanerHtmlStep()
    (record,) = run_step(step, records)
    result = cleaner.clean_html(html, url=url)
    assert record.text == result.text and "old library open for another five years" in record.text
    assert {k: record.metadata[k] for k in result.metadata} == result.metadata
    assert record.metadata["title"] == "Council keeps the old library open"
    assert step.stats["dropped_empty"].total == 1


def test_the_html_step_reads_a_metadata_field() -> None:
    html = page()
    step = CleanerHtmlStep(html_key="html")
    out = run_step(step, [Record("", "a", metadata={"html": html.encode("utf-8")}), Record("text", "b")])
    assert [r.id for r in out] == ["a"] and out[0].text == cleaner.clean_html(html).text
    assert step.stats["dropped_no_html"].total == 1


def test_site_templates_in_two_stages_in_this_process(tmp_path: Path) -> None:
    files = corpus()
    lines = tmp_path / "lines"
    for rank, records in enumerate(files):
        collect = CollectTemplateLines(str(lines))
        batch = [Record(r["text"], r["id"], metadata={k: v for k, v in r.items() if k == "url"}) for r in records]
        assert [r.id for r in collect.run(iter(batch), rank=rank, world_size=2)] == [r["id"] for r in records]
    assert sorted(p.name for p in lines.iterdir()) == ["00000.lines.gz", "00001.lines.gz"]
    assert (
        "valley" not in gzip.decompress((lines / "00000.lines.gz").read_bytes()).decode().split("\t")[1]
    )  # hashes only
    everything = [Record(r["text"], r["id"], metadata={"url": r.get("url")}) for records in files for r in records]
    assert load_templates(str(lines), 3) == library_templates(everything)
    assert set(library_templates(everything)) == {"valley.example.com"}


def library_templates(records: list[Record]) -> dict[str, frozenset[int]]:
    """What :func:`cleaner.corpus.find_templates` finds: lines for records with a URL, runs of lines for the rest."""
    found: dict[str, frozenset[int]] = {}
    for by_url in (True, False):
        docs = [(record_site(r), r.text) for r in records if record_by_url(r) is by_url]
        found |= find_templates(docs, 3, by_url=by_url)
    return found


def test_records_without_a_url_learn_runs_of_lines_as_the_command_does(tmp_path: Path) -> None:
    menu = "Home\n\nPolitics\n\nBusiness\n\nCulture\n\n"
    texts = [f"{menu}{story(3, n)}\nAdvertisement\n" for n in range(3)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"id": str(n), "text": t}) + "\n" for n, t in enumerate(texts)), encoding="utf-8"
    )
    records = [Record(t, str(n), metadata={"file_path": "feed.jsonl"}) for n, t in enumerate(texts)]
    list(CollectTemplateLines(str(tmp_path / "lines")).run(iter(records)))
    command = corpus_templates([str(feed)], Config())
    assert (
        list(load_templates(str(tmp_path / "lines"), 3).values())
        == list(command.values())
        == [run_hashes(["Home", "Politics", "Business", "Culture"])]
    )


def test_templates_need_stage_one(tmp_path: Path) -> None:
    step = CleanerStep(templates=str(tmp_path))
    with pytest.raises(FileNotFoundError, match="run CollectTemplateLines first"):
        run_step(step, [Record("Some text.", "a")])


# -- on datatrove's executor ---------------------------------------------------------------------


@pytest.mark.slow
def test_local_executor_two_tasks_two_workers_jsonl_in_and_out(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in", corpus())
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            CleanerStep(),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    out = read_jsonl(tmp_path / "out")
    records = [r for records in corpus() for r in records]
    assert sorted(out) == sorted(r["id"] for r in records if r["id"] != "e0")
    for record in records:
        if record["id"] in out:
            assert_cleaned_as(out[record["id"]], cleaner.clean(record["text"]), Config())
    assert {out[i]["metadata"]["language"] for i in out} == {"en"}
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    (saved,) = [s["stats"] for s in stats if s["name"].startswith("🔻 - FILTER: 🧹 cleaner")]
    mine = {name: value if isinstance(value, int) else value["total"] for name, value in saved.items()}
    assert mine["total"] == len(records) and mine["dropped"] == 1 and mine["dropped_empty"] == 1
    changed = sum(cleaner.clean(r["text"]).text != r["text"] for r in records)
    assert mine["forwarded"] == len(records) - 1 and mine["changed"] == changed and 0 < changed < len(records)
    assert mine["removed_title"] == sum(r["metadata"]["removed"].get("title", 0) for r in out.values())


@pytest.mark.slow
def test_site_templates_as_two_datatrove_stages(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in", corpus())
    lines, logs = str(tmp_path / "lines"), tmp_path / "logs"
    collect = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), CollectTemplateLines(lines)],
        tasks=2,
        workers=2,
        logging_dir=str(logs / "lines"),
    )
    clean = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            CleanerStep(templates=lines),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(logs / "clean"),
        depends=collect,
    )
    clean.run()  # runs stage one first
    out = read_jsonl(tmp_path / "out")
    files = corpus()
    paths = [str(tmp_path / "in" / f"part{n}.jsonl") for n in range(len(files))]
    rows = [(r, path) for records, path in zip(files, paths, strict=True) for r in records]
    records = [Record(r["text"], r["id"], metadata={"url": r.get("url"), "file_path": p}) for r, p in rows]
    docs = [(record_site(r), r.text) for r in records]
    cleaned = clean_corpus(docs, templates=library_templates(records))
    expected = dict(zip((r["id"] for r, _ in rows), cleaned, strict=True))
    assert sorted(out) == sorted(i for i, result in expected.items() if result.text)
    for ident, record in out.items():
        assert_cleaned_as(record, expected[ident], Config())
    templated = [i for i in out if "template" in out[i]["metadata"]["removed"]]
    assert templated == [i for i in out if i.startswith("v")] and len(templated) == 4
    assert "Our reporters cover" not in out["v0"]["text"]
    assert "parish newsletter" in out["c0"]["text"]  # a copy does not make a template
    assert out["s3"]["text"] == cleaner.clean(SAMPLE_TEXTS[3]).text
