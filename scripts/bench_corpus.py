#!/usr/bin/env python3
"""What site templates (``cleaner.corpus``) do to the ScrapingHub dev pages.

The pages are grouped by the host of their URL (``meta.jsonl``); templates are
found over each input variant with ``--min-docs`` (the bench has at most two
pages per site, so the default of 3 finds nothing: the script says so) and
every page of a site with at least that many pages is cleaned with and without
its site's template.  Scores are the token P/R/F1 of ``bench_quality.py``, over
those pages only.

    python scripts/bench_corpus.py                       # min-docs 2, text_full and text_recall
    python scripts/bench_corpus.py text_full --min-docs 3
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import BENCH, score  # noqa: E402

DEFAULT_BENCH = BENCH / "scrapinghub"

from cleaner.config import Config  # noqa: E402
from cleaner.corpus import KIND, clean_corpus, find_templates  # noqa: E402
from cleaner.io.documents import site_of  # noqa: E402


def sites(bench: Path) -> dict[str, str]:
    """The site of every page id."""
    out = {}
    with open(bench / "meta.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            out[record["id"]] = site_of(record.get("url"))
    return out


def run(bench: Path, variant: str, min_docs: int) -> str:
    by_id = sites(bench)
    counts = collections.Counter(by_id.values())
    ids = sorted(i for i, s in by_id.items() if counts[s] >= min_docs and (bench / variant / f"{i}.txt").exists())
    if not ids:
        return f"{variant}: no site has {min_docs} pages; templates change nothing"
    docs = [(by_id[i], (bench / variant / f"{i}.txt").read_text(encoding="utf-8")) for i in ids]
    gold = [(bench / "gold" / f"{i}.txt").read_text(encoding="utf-8") for i in ids]
    config = Config(template_min_docs=min_docs)
    templates = find_templates(docs, min_docs)
    plain = list(clean_corpus(docs, config, templates={}))
    with_templates = list(clean_corpus(docs, config, templates=templates))
    lines = sum(len(v) for v in templates.values())
    removed = [sum(len(r.text.split("\n")) for r in res.removed if r.kind == KIND) for res in with_templates]
    rows = []
    for name, results in (("without templates", plain), ("with templates", with_templates)):
        scores = [score(r.text, g) for r, g in zip(results, gold, strict=True)]
        mean = [sum(s[k] for s in scores) / len(scores) for k in range(3)]
        rows.append(f"  {name:18} P {mean[0]:.3f}  R {mean[1]:.3f}  F1 {mean[2]:.3f}")
    head = (
        f"{variant}: {len(ids)} pages of {len(templates)}/{len({by_id[i] for i in ids})} sites with a template, "
        f"min-docs {min_docs}; {lines} template lines, {sum(removed)} blocks labelled '{KIND}'"
    )
    return "\n".join([head, *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="*", default=["text_full", "text_recall"])
    parser.add_argument("--min-docs", type=int, default=2)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    args = parser.parse_args(argv)
    for variant in args.variants:
        print(run(args.bench, variant, args.min_docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
