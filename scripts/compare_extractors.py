#!/usr/bin/env python3
"""Score article extractors and ``cleaner.clean_html`` on the same pages, with the same metric.

Every extractor that is installed (``pip install '.[bench]'``) gets the raw
HTML of each page of a bench set's ``html/`` folder and is scored against
``gold/`` as ``scripts/benchsets.py`` scores (lower-cased ``\\w+`` token
multisets: precision, recall, F1 per page, then means).  An extractor that
is not installed is left out of the table; one that fails on a page scores
0 on it (its text is empty).

    python scripts/compare_extractors.py --set scrapinghub --set wcxb-dev --cv .cache/folds   # the README's tables
    python scripts/compare_extractors.py --limit 20                                           # a quick look

With ``--cv``, each page is cleaned by the block model fitted without its site
(``train_block_model.py --folds``), so the cleaner's row is not scored on the
pages its model was fitted on.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import BenchSet, Folds, Page, score  # noqa: E402

Extractor = Callable[[str, Page], str]


def trafilatura_mode(**options: bool) -> Extractor:
    def run(html: str, page: Page) -> str:
        import trafilatura

        return trafilatura.extract(html, url=page.url, include_comments=False, include_tables=True, **options) or ""

    return run


def readability(html: str, page: Page) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html, url=page.url).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def newspaper(html: str, page: Page) -> str:
    from newspaper import Article

    article = Article(page.url or "https://example.com/", language="en", fetch_images=False)
    article.download(input_html=html)
    article.parse()
    return str(article.text or "")


def justext(html: str, page: Page) -> str:
    import justext as jt

    paragraphs = jt.justext(html.encode("utf-8"), jt.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def goose(html: str, page: Page) -> str:
    from goose3 import Goose

    with Goose({"enable_image_fetching": False}) as extractor:
        return str(extractor.extract(raw_html=html, url=page.url).cleaned_text or "")


def boilerpy(html: str, page: Page) -> str:
    from boilerpy3 import extractors

    return str(extractors.ArticleExtractor(raise_on_failure=False).get_content(html) or "")


def resiliparse(html: str, page: Page) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return str(extract_plain_text(html, main_content=True))


#: With ``--cv``: the fold models, each page cleaned by the one fitted without its site.
CV: list[Folds] = []


def cleaner_html(html: str, page: Page) -> str:
    import cleaner

    model = CV[0].model_for(page) if CV else None
    return cleaner.clean_html(html, url=page.url, config=cleaner.Config(model=model)).text


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
    parser.add_argument(
        "--set", dest="sets", action="append", help="a bench set, by name or folder (default: scrapinghub)"
    )
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--only", action="append", help="only this extractor (repeat)")
    parser.add_argument(
        "--cv",
        type=Path,
        help="clean each page with the fold model that never saw its site (a folder of train_block_model.py --folds)",
    )
    args = parser.parse_args(argv)
    if args.cv:
        CV.append(Folds.read(args.cv))
    for name in args.sets or ["scrapinghub"]:
        bench = BenchSet.find(name)
        pages = list(bench.pages)[: args.limit]
        print(f"\n{bench.name}: {len(pages)} pages\n")
        print(table(pages, args.only))
    return 0


def table(pages: list[Page], only: list[str] | None) -> str:
    """The markdown table of every installed extractor on ``pages``, best F1 first."""
    sources = [(page, page.html.decode("utf-8", errors="replace"), page.gold) for page in pages]
    rows = []
    for name, (module, extract) in EXTRACTORS.items():
        if only and name not in only:
            continue
        if not installed(module):
            print(f"{name}: not installed, left out", file=sys.stderr)
            continue
        scores = []
        started = time.perf_counter()
        for page, html, gold in sources:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    text = extract(html, page)
            except Exception:
                text = ""
            scores.append(score(text, gold))
        seconds = time.perf_counter() - started
        n = len(scores)
        p, r, f = (sum(s[k] for s in scores) / n for k in range(3))
        median = statistics.median(s[2] for s in scores)
        rows.append((f, name, p, r, median, n / seconds))
        print(f"{name}: P {p:.3f} R {r:.3f} F1 {f:.3f}", file=sys.stderr)
    lines = ["| extractor | precision | recall | F1 | median F1 | pages/s |", "| --- | --- | --- | --- | --- | --- |"]
    for f, name, p, r, median, speed in sorted(rows, reverse=True):
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {median:.3f} | {speed:.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
