#!/usr/bin/env python3
"""Score article extractors and ``cleaner.clean_html`` on the same pages, with the same metric.

Every extractor that is installed (``pip install '.[bench]'``) gets the raw
HTML of each page of the bench's ``html/`` folder and is scored against
``gold/`` as ``scripts/benchsets.py`` scores (lower-cased ``\\w+`` token
multisets: precision, recall, F1 per page, then means).  An extractor that
is not installed is left out of the table; one that fails on a page scores
0 on it (its text is empty).

    python scripts/compare_extractors.py             # the README's table
    python scripts/compare_extractors.py --limit 20  # a quick look
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import BENCH, score  # noqa: E402

DEFAULT_BENCH = BENCH / "scrapinghub"

Extractor = Callable[[str, str | None], str]


def trafilatura_mode(**options: bool) -> Extractor:
    def run(html: str, url: str | None) -> str:
        import trafilatura

        return trafilatura.extract(html, url=url, include_comments=False, include_tables=True, **options) or ""

    return run


def readability(html: str, url: str | None) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html, url=url).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def newspaper(html: str, url: str | None) -> str:
    from newspaper import Article

    article = Article(url or "https://example.com/", language="en", fetch_images=False)
    article.download(input_html=html)
    article.parse()
    return str(article.text or "")


def justext(html: str, url: str | None) -> str:
    import justext as jt

    paragraphs = jt.justext(html.encode("utf-8"), jt.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def goose(html: str, url: str | None) -> str:
    from goose3 import Goose

    with Goose({"enable_image_fetching": False}) as extractor:
        return str(extractor.extract(raw_html=html, url=url).cleaned_text or "")


def boilerpy(html: str, url: str | None) -> str:
    from boilerpy3 import extractors

    return str(extractors.ArticleExtractor(raise_on_failure=False).get_content(html) or "")


def resiliparse(html: str, url: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return str(extract_plain_text(html, main_content=True))


def cleaner_html(html: str, url: str | None) -> str:
    import cleaner

    return cleaner.clean_html(html, url=url).text


EXTRACTORS: dict[str, tuple[str, Extractor]] = {
    "trafilatura": ("trafilatura", trafilatura_mode()),
    "trafilatura (precision)": ("trafilatura", trafilatura_mode(favor_precision=True)),
    "trafilatura (recall)": ("trafilatura", trafilatura_mode(favor_recall=True)),
    "readability-lxml": ("readability", readability),
    "newspaper4k": ("newspaper", newspaper),
    "jusText": ("justext", justext),
    "goose3": ("goose3", goose),
    "boilerpy3": ("boilerpy3", boilerpy),
    "resiliparse": ("resiliparse", resiliparse),
    "cleaner.clean_html": ("cleaner", cleaner_html),
}


def installed(module: str) -> bool:
    try:
        __import__(module)
    except Exception:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the scrapinghub folder")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--only", action="append", help="only this extractor (repeat)")
    args = parser.parse_args(argv)
    import json

    urls = {}
    meta = args.bench / "meta.jsonl"
    if meta.is_file():
        for line in meta.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            urls[record["id"]] = record.get("url")
    files = sorted((args.bench / "html").iterdir())[: args.limit]
    pages = []
    for path in files:
        ident = path.name.split(".")[0]
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        gold = (args.bench / "gold" / f"{ident}.txt").read_text(encoding="utf-8")
        pages.append((ident, html, gold))
    rows = []
    for name, (module, extract) in EXTRACTORS.items():
        if args.only and name not in args.only:
            continue
        if not installed(module):
            print(f"{name}: not installed, left out", file=sys.stderr)
            continue
        scores = []
        started = time.perf_counter()
        for ident, html, gold in pages:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    text = extract(html, urls.get(ident))
            except Exception:
                text = ""
            scores.append(score(text, gold))
        seconds = time.perf_counter() - started
        n = len(scores)
        p, r, f = (sum(s[k] for s in scores) / n for k in range(3))
        median = statistics.median(s[2] for s in scores)
        rows.append((f, name, p, r, median, n / seconds))
        print(f"{name}: P {p:.3f} R {r:.3f} F1 {f:.3f}", file=sys.stderr)
    print(f"\n{len(pages)} pages\n")
    print("| extractor | precision | recall | F1 | median F1 | pages/s |")
    print("| --- | --- | --- | --- | --- | --- |")
    for f, name, p, r, median, speed in sorted(rows, reverse=True):
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {median:.3f} | {speed:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
