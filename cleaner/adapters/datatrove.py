"""The cleaner as datatrove pipeline steps: the same cleaning on one machine, on Slurm or on Ray.

``pip install 'cleaner-news[datatrove]'``.  The executors are datatrove's; these
are only steps to put in its pipelines:

- :class:`CleanerStep` cleans each document's text exactly as
  :func:`cleaner.clean` does: the text becomes the clean text, the cleaner's
  metadata joins the document's (:func:`cleaner_metadata`), and a document whose
  clean text is empty is dropped with the reason ``empty``, as datatrove's
  filters drop (``exclusion_writer`` keeps those, with ``filter_reason``);
- :class:`CleanerHtmlStep` does the same from the record's HTML, as
  :func:`cleaner.clean_html` does (the text of a ``WarcReader`` document, or a
  metadata field; a record without one is dropped with the reason ``no_html``);
- :class:`CollectTemplateLines` is stage one of site templates: it writes the
  line hashes of every document, by site, to a folder; a ``CleanerStep`` given
  that folder (``templates=``) counts them, finds each site's template as
  :func:`cleaner.corpus.find_templates` does over all the documents, and
  cleans with it.  Stage two depends on stage one (``depends=`` of
  datatrove's executors).

Each step's stats (datatrove's ``stats.json``): ``total``, ``forwarded`` and
``dropped`` documents (``dropped_empty``: cleaned to nothing), ``changed``
(text changed by cleaning), ``removed_<kind>`` (blocks removed of that kind)
and ``fixed_<kind>`` (fixes made of that kind).

>>> from datatrove.data import Document
>>> step = CleanerStep()
>>> docs = [Document("Talks go on\\n\\nBy Jane Doe\\n\\nThe talks went on for hours, officials said.\\n", "a"),
...         Document("Share on Facebook", "b")]
>>> [(d.id, d.text, d.metadata["authors"], d.metadata["removed"]) for d in step.run(iter(docs))]
[('a', 'The talks went on for hours, officials said.\\n', ['Jane Doe'], {'byline': 1, 'title': 1})]
>>> {name: step.stats[name].total for name in ("total", "forwarded", "dropped", "dropped_empty", "changed")}
{'total': 2, 'forwarded': 1, 'dropped': 1, 'dropped_empty': 1, 'changed': 2}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from datatrove.data import Document as Record
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter

from cleaner.config import Config
from cleaner.corpus import count_templates, document_lines
from cleaner.document import Document, Result
from cleaner.io.documents import site_of
from cleaner.pipeline import Pipeline, default_pipeline
from cleaner.strip.templates import Templates

__all__ = [
    "EMPTY",
    "NO_HTML",
    "CleanerHtmlStep",
    "CleanerStep",
    "CollectTemplateLines",
    "cleaner_metadata",
    "load_templates",
    "record_by_url",
    "record_site",
]

#: The reason a document is dropped when nothing of it is kept.
EMPTY = "empty"
#: The reason a document is dropped by the HTML step when its record holds no page.
NO_HTML = "no_html"
#: Stage one writes one file per task, with this suffix.
LINES_SUFFIX = ".lines.gz"

Site = Callable[[Record], str]


def record_site(record: Record) -> str:
    """The site of a datatrove document: its URL's host, else the file it was read from.

    >>> record_site(Record("", "1", metadata={"url": "https://www.example.com/a", "file_path": "/d/x.jsonl"}))
    'example.com'
    >>> record_site(Record("", "2", metadata={"file_path": "/d/x.jsonl"})), record_site(Record("", "3"))
    ('/d/x.jsonl', '')
    """
    return site_of(record.metadata.get("url"), record.metadata.get("file_path"), whole_file=False)


def record_by_url(record: Record) -> bool:
    """True when a datatrove document's URL gives its site; its lines then count one by one, as the command counts.

    Otherwise its site is only where it was found, and only runs of lines count
    (:func:`cleaner.strip.templates.evidence`).

    >>> record_by_url(Record("", "1", metadata={"url": "https://example.com/a"})), record_by_url(Record("", "2"))
    (True, False)
    """
    url = record.metadata.get("url")
    return isinstance(url, str) and bool(site_of(url))


def counted(kinds: Iterable[str]) -> dict[str, int]:
    """How many of each kind, in kind order.

    >>> counted(["title", "byline", "title"])
    {'byline': 1, 'title': 2}
    """
    return dict(sorted(Counter(kinds).items()))


def cleaner_metadata(result: Result, config: Config) -> dict[str, Any]:
    """What cleaning adds to a document's metadata: the cleaner's metadata, and counts by kind.

    The cleaner's fields (``title``, ``authors``, ``date``, ``date_modified``,
    ``dateline``, ``section``, ``site``, ``description``, ``image_credit``,
    ``language``, ``language_score``), then ``removed`` (blocks left out of the
    text, by kind; kinds kept by the config do not count) and ``fixes`` (by kind).
    """
    removed = counted(b.kind for b in result.blocks if not b.kept and b.kind not in config.keep)
    return {**result.metadata, "removed": removed, "fixes": counted(f.kind for f in result.fixes)}


def load_templates(folder: DataFolderLike, min_docs: int) -> dict[str, frozenset[int]]:
    """The template of every site, from the line hashes stage one wrote to ``folder`` (every task's file).

    Copies of a document read by several tasks count once, so this gives what
    :func:`cleaner.corpus.find_templates` gives on all the documents at once.
    """
    data = get_datafolder(folder)
    files = data.list_files(glob_pattern="*" + LINES_SUFFIX)
    if not files:
        raise FileNotFoundError(f"{data.path}: no line hashes ({LINES_SUFFIX} files); run CollectTemplateLines first")
    return count_templates(_rows(data, files), min_docs)


def _rows(data: Any, files: list[str]) -> Iterator[tuple[str, int, list[int]]]:
    for name in files:
        with data.open(name, "rt", compression="gzip") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    yield parse_row(line)
                except ValueError as error:
                    raise ValueError(f"{data.path}/{name}:{number}: {error}") from None


def format_row(site: str, whole: int, lines: Iterable[int]) -> str:
    """One line of stage one's output: the site (as JSON), the text's hash, its line hashes (hex).

    >>> format_row("example.com", 255, [16, 1])
    '"example.com"\\t00000000000000ff\\t0000000000000001 0000000000000010\\n'
    >>> parse_row(format_row("a\\tb", 255, [16, 1]))
    ('a\\tb', 255, [1, 16])
    """
    return f"{json.dumps(site, ensure_ascii=False)}\t{whole:016x}\t{' '.join(f'{h:016x}' for h in sorted(lines))}\n"


def parse_row(line: str) -> tuple[str, int, list[int]]:
    """``(site, text hash, line hashes)`` of one line written by :func:`format_row`."""
    try:
        site_json, whole, hashes = line.rstrip("\n").split("\t")
        site = json.loads(site_json)
        if not isinstance(site, str):
            raise ValueError
        return site, int(whole, 16), [int(h, 16) for h in hashes.split()]
    except ValueError:
        raise ValueError("not a row of line hashes") from None


class CollectTemplateLines(PipelineStep):  # type: ignore[misc]
    """Stage one of site templates: every document's line hashes, by site, to ``output_folder``.

    Each task writes ``<rank>.lines.gz``: one row per distinct document of the
    task (its site, the hash of its text, the hashes of its lines; never the
    text).  Documents pass on unchanged.  ``site`` tells a document's site
    (default :func:`record_site`).  A document with a URL brings the hashes of
    its lines, one without brings those of its runs of lines (:func:`record_by_url`),
    as the command's first pass does.
    """

    name = "🧮 cleaner: template lines"
    type = "📊 - STATS"

    def __init__(self, output_folder: DataFolderLike, site: Site | None = None, config: Config | None = None) -> None:
        super().__init__()
        self.output_folder = get_datafolder(output_folder)
        self.site = site or record_site
        self.config = config or Config()

    def run(self, data: Iterable[Record] | None, rank: int = 0, world_size: int = 1) -> Iterator[Record]:
        seen: set[tuple[str, int]] = set()
        with self.output_folder.open(f"{rank:05d}{LINES_SUFFIX}", "wt", compression="gzip") as out:
            for record in data or ():
                with self.track_time():
                    site = self.site(record)
                    whole, lines = document_lines(record.text, self.config, record_by_url(record))
                    self.stat_update("documents")
                    if (site, whole) in seen:
                        self.stat_update("copies")
                    else:
                        seen.add((site, whole))
                        out.write(format_row(site, whole, lines))
                yield record


class _Cleaning(BaseFilter):  # type: ignore[misc]
    """What both cleaning steps share: annotate, replace the text, drop what cleans to nothing, count."""

    name = "🧹 cleaner"

    def __init__(self, config: Config | None = None, exclusion_writer: Any = None, **options: Any) -> None:
        super().__init__(exclusion_writer=exclusion_writer)
        config = config or Config()
        self.config = config.replace(**options) if options else config
        default_pipeline(self.config)  # a bad option is an error here, before any document is read
        self._pipeline: Pipeline | None = None

    def templates(self) -> Templates | None:
        """The site templates to clean with (none by default)."""
        return None

    @property
    def pipeline(self) -> Pipeline:
        """The chain for the config (and its templates), built once in each worker."""
        if self._pipeline is None:
            self._pipeline = default_pipeline(self.config, self.templates())
        return self._pipeline

    def document(self, record: Record) -> Document:
        raise NotImplementedError

    def filter(self, record: Record) -> bool | tuple[bool, str]:
        result = self.pipeline.run(self.document(record))
        record.metadata.update(cleaner_metadata(result, self.config))
        for kind, count in record.metadata["removed"].items():
            self.stat_update(f"removed_{kind}", value=count)
        for kind, count in record.metadata["fixes"].items():
            self.stat_update(f"fixed_{kind}", value=count)
        if result.text != record.text:
            self.stat_update("changed")
        if not result.text:
            return False, EMPTY
        record.text = result.text
        return True

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_pipeline"] = None  # rebuilt in each worker
        return state


class CleanerStep(_Cleaning):
    """Clean each document's text as :func:`cleaner.clean` does (``config`` or Config fields as keywords).

    With ``templates`` (the folder :class:`CollectTemplateLines` wrote), each
    document is cleaned with its site's template, as
    :func:`cleaner.corpus.clean_corpus` does; ``site`` must then be the
    function stage one used.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        templates: DataFolderLike | None = None,
        site: Site | None = None,
        exclusion_writer: Any = None,
        **options: Any,
    ) -> None:
        super().__init__(config, exclusion_writer, **options)
        self.template_folder = templates
        self.site = site or record_site

    def templates(self) -> Templates | None:
        if self.template_folder is None or not self.config.templates:
            return None
        return load_templates(self.template_folder, self.config.template_min_docs)

    def document(self, record: Record) -> Document:
        return Document.from_text(record.text, site=self.site(record) if self.template_folder is not None else "")


class CleanerHtmlStep(_Cleaning):
    """Clean each document's HTML as :func:`cleaner.clean_html` does: the text becomes the article's clean text.

    The HTML is the document's text (as datatrove's ``WarcReader`` gives it), or
    the metadata field ``html_key`` when given; the URL is the metadata's ``url``.
    """

    name = "🧹 cleaner (HTML)"

    def __init__(
        self,
        config: Config | None = None,
        *,
        html_key: str | None = None,
        exclusion_writer: Any = None,
        **options: Any,
    ) -> None:
        super().__init__(config, exclusion_writer, **options)
        self.html_key = html_key

    def html(self, record: Record) -> str | bytes | None:
        """The page of a document, or ``None`` when its record has none."""
        html = record.metadata.get(self.html_key) if self.html_key else record.text
        return html if isinstance(html, str | bytes) else None

    def filter(self, record: Record) -> bool | tuple[bool, str]:
        if self.html(record) is None:
            return False, NO_HTML
        return super().filter(record)

    def document(self, record: Record) -> Document:
        from cleaner.io.html import read_html

        return read_html(self.html(record) or "", record.metadata.get("url"))
