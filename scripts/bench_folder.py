#!/usr/bin/env python3
"""A folder of pages from many sites, cleaned at once and each alone: does the folder's template pass hurt?

Every page's ``text_full`` (or another text input) is copied into one temporary
folder, as a user would drop page dumps of unrelated sites into ``data/``.  The
folder is then cleaned the way ``cleaner clean DIR -o OUT`` cleans it (the
command's template pass, :func:`cleaner.cli.templates.corpus_templates`, then
:func:`cleaner.cli.work.clean_item` with the templates found), and each file is
cleaned alone (no templates: one document makes none).  Both are scored against
the gold with ``benchsets.score``: the mean P/R/F1 both ways, and the share of
pages the folder makes worse or better (by token F1, beyond ``--tie``).

    python scripts/bench_folder.py                      # wcxb-dev text_full
    python scripts/bench_folder.py --set scrapinghub text_recall
    python scripts/bench_folder.py --jobs 2 --limit 200 -v
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import BenchSet, score  # noqa: E402

from cleaner.cli.inputs import gather  # noqa: E402
from cleaner.cli.templates import corpus_templates  # noqa: E402
from cleaner.cli.work import clean_item  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.io.readers import Item  # noqa: E402
from cleaner.strip.templates import KIND  # noqa: E402


def mean(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """The mean of each column.

    >>> mean([(1.0, 0.5, 0.0), (0.0, 0.5, 1.0)])
    (0.5, 0.5, 0.5)
    """
    return tuple(sum(r[k] for r in rows) / len(rows) for k in range(3))  # type: ignore[return-value]


def run(name: str, variant: str, config: Config, jobs: int, limit: int | None, tie: float, verbose: bool) -> str:
    pages = [p for p in BenchSet.find(name) if (p.folder / variant / f"{p.id}.txt").is_file()][:limit]
    gold = {p.id: p.gold for p in pages}
    with tempfile.TemporaryDirectory(prefix="bench-folder-") as tmp:
        for page in pages:
            shutil.copyfile(page.folder / variant / f"{page.id}.txt", Path(tmp) / f"{page.id}.txt")
        templates = corpus_templates([tmp], config, jobs=jobs)
        items = [w for w in gather([tmp], config) if isinstance(w, Item)]
        together, alone, labelled = {}, {}, 0
        for item in items:
            ident = Path(item.source).name.removesuffix(".txt")
            folder = clean_item(item, config, templates) if templates else clean_item(item, config)
            labelled += sum(b.kind == KIND for b in folder.blocks)
            together[ident] = score(folder.text, gold[ident])
            alone[ident] = score(clean_item(item, config).text, gold[ident])
    ids = sorted(together)
    worse = [i for i in ids if together[i][2] < alone[i][2] - tie]
    better = [i for i in ids if together[i][2] > alone[i][2] + tie]
    lines = [
        f"{name} {variant}: {len(ids)} pages in one folder; {sum(len(v) for v in templates.values())} template "
        f"hashes over {len(templates)} site(s), {labelled} blocks labelled '{KIND}' (min-docs {config.template_min_docs})"
    ]
    for label, scores in (("each alone", alone), ("folder at once", together)):
        p, r, f = mean([scores[i] for i in ids])
        lines.append(f"  {label:15} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    lines.append(f"  folder vs alone: {len(worse) / len(ids):.1%} of pages worse, {len(better) / len(ids):.1%} better")
    if verbose:
        lines += [f"    worse {i}: {alone[i][2]:.3f} -> {together[i][2]:.3f}" for i in worse]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="*", default=["text_full"])
    parser.add_argument("--set", default="wcxb-dev", help="bench set (default: wcxb-dev)")
    parser.add_argument("--min-docs", type=int, default=Config().template_min_docs)
    parser.add_argument("--jobs", type=int, default=1, help="processes for the template pass (default: 1)")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--tie", type=float, default=1e-9, help="F1 differences up to this are ties")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the pages made worse")
    args = parser.parse_args(argv)
    config = Config(template_min_docs=args.min_docs)
    for variant in args.variants:
        print(run(args.set, variant, config, args.jobs, args.limit, args.tie, args.verbose), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
