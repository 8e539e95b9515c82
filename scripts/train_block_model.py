#!/usr/bin/env python3
"""Fit the block model on labelled pages, report it under cross-validation grouped by site, and write it.

Every page of the bench sets gives four inputs, each cut into blocks exactly
as the chain cuts them before it decides (the chain's own steps before
``strip_chrome``):
``text_recall``, ``text_full``, the gold text itself (clean text must stay
clean), and the page's HTML with its signals (read by ``cleaner.io.html.read_html``).  Each block is labelled by
aligning it with the gold: it is prose when at least half of its word
trigrams (for a block of one or two words: the block itself, as a line) are
in the gold.  Blocks weigh by their words, each input of each page weighing
the same, as the benchmark's mean over pages does; the block that repeats the
page's title weighs nothing (one gold keeps titles, the other does not, and
the title rule decides titles).

The model is scikit-learn's ``HistGradientBoostingClassifier`` with fixed
settings; its trees are written as plain numbers to a JSON file that the
package reads without scikit-learn.  Before the final fit on every page, the
pages are split into folds by site (``GroupKFold``): a model is fitted on the
other folds and scored on each, and these out-of-fold probabilities choose
the thresholds and give the scores reported.  ``--folds DIR`` keeps the fold
models, so ``scripts/bench_quality.py --cv DIR`` measures the whole chain with
each page decided by a model that never saw its site.

    pip install '.[train]'
    python scripts/train_block_model.py --jobs 2                  # rebuild cleaner/data/block_model.json
    python scripts/train_block_model.py --folds .cache/folds      # and keep the fold models
    python scripts/train_block_model.py --set my-pages --out my-model.json   # your own labelled pages

A set of your own is a folder like the bench's: ``gold/<id>.txt`` and any of
``text_recall/<id>.txt``, ``text_full/<id>.txt``, ``html/<id>.html.gz``, with
``meta.jsonl`` (``id``, ``url``, ``domain``) to group pages by site.  The
same inputs and the same library versions give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import pickle
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
from benchsets import SETS, BenchSet, Page  # noqa: E402

from cleaner.document import Block, Document  # noqa: E402
from cleaner.io.html import read_html  # noqa: E402
from cleaner.pipeline import default_pipeline  # noqa: E402
from cleaner.strip.features import DOCUMENT, NAMES, featurize  # noqa: E402
from cleaner.strip.model import KEPT  # noqa: E402
from cleaner.strip.page import declared_title  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "block_model.json"
INPUTS = ("text_recall", "text_full", "gold", "html")
#: The settings of the fit.
PARAMS = {
    "max_iter": 150,
    "learning_rate": 0.1,
    "max_depth": 6,
    "max_leaf_nodes": 31,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "random_state": 0,
}
FOLDS = 5
#: A block is prose when at least this share of its trigrams is in the gold.
LABEL_SHARE = 0.5
VETO = 0.9
_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class Gold:
    """The gold text of a page, indexed to tell which blocks it holds."""

    def __init__(self, text: str) -> None:
        found = _tokens(text)
        self.grams = {tuple(found[i : i + 3]) for i in range(len(found) - 2)}
        self.lines = {tuple(_tokens(line)) for line in text.splitlines()} - {()}

    def holds(self, text: str) -> bool:
        found = _tokens(text)
        if len(found) < 3:
            return bool(found) and tuple(found) in self.lines
        grams = [tuple(found[i : i + 3]) for i in range(len(found) - 2)]
        return sum(g in self.grams for g in grams) >= LABEL_SHARE * len(grams)


def prepared(doc: Document) -> list[Block]:
    """The blocks the chrome step would be given: the document through the chain's steps before it."""
    return [b for b in default_pipeline().through("strip_templates")(doc).blocks if b.kept]


@dataclass
class Example:
    """The blocks of one input of one page: features, labels, weights."""

    set: str
    id: str
    site: str
    input: str
    texts: list[str]
    features: np.ndarray
    labels: np.ndarray
    weights: np.ndarray


def examples(page: Page, title: str | None) -> list[Example]:
    """The labelled blocks of every input of one page."""
    gold_text = page.gold
    gold = Gold(gold_text)
    title_words = tuple(_tokens(title or ""))
    out = []
    for name in INPUTS:
        if name == "html":
            if not (page.folder / "html" / f"{page.id}.html.gz").is_file():
                continue
            read = read_html(page.html, page.url)
            title_words = title_words or tuple(_tokens(declared_title(read) or ""))
            blocks = prepared(read)
        else:
            source = gold_text if name == "gold" else None
            if source is None:
                path = page.folder / name / f"{page.id}.txt"
                if not path.is_file():
                    continue
                source = path.read_text(encoding="utf-8")
            blocks = prepared(Document.from_text(source))
        if not blocks:
            continue
        texts = [b.text for b in blocks]
        rows = featurize(texts, [b.page for b in blocks])
        labels = np.array([1 if name == "gold" else int(gold.holds(t)) for t in texts], dtype=np.int8)
        sizes = np.array([len(_tokens(t)) for t in texts], dtype=np.float64)
        weights = sizes / max(1.0, sizes.sum())
        for k, text in enumerate(texts):
            if title_words and tuple(_tokens(text)) == title_words:
                weights[k] = 0.0
        out.append(
            Example(page.set, page.id, page.site, name, texts, np.array(rows, dtype=np.float32), labels, weights)
        )
    return out


def _titles(bench: BenchSet) -> dict[str, str]:
    found = {}
    listing = bench.folder / "meta.jsonl"
    if listing.is_file():
        for line in listing.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record.get("title"):
                    found[str(record["id"])] = record["title"]
    return found


def _build(job: tuple[Page, str | None]) -> list[Example]:
    return examples(*job)


def build(sets: list[BenchSet], jobs: int) -> list[Example]:
    """The labelled blocks of every page of the sets, in a fixed order."""
    work = [(page, _titles(bench).get(page.id)) for bench in sets for page in bench.pages]
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs, maxtasksperchild=100) as pool:
            done = pool.map(_build, work, chunksize=4)
    else:
        done = [_build(job) for job in work]
    return [e for group in done for e in group]


def stack(found: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and weights of every block."""
    x = np.vstack([e.features for e in found])
    y = np.concatenate([e.labels for e in found])
    w = np.concatenate([e.weights for e in found])
    return x, y, w


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray):  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(**PARAMS)
    model.fit(x, y, sample_weight=w + 1e-4)
    return model


#: What tells a page's dump from an article, for the document model: the document's features.
DOCUMENT_FEATURES = (*DOCUMENT, "blocks")


def document_rows(found: list[Example]) -> tuple[list[int], np.ndarray, np.ndarray]:
    """The examples of plain text, one row of document features each, and whether each is a page's dump."""
    columns = [NAMES.index(name) for name in DOCUMENT_FEATURES]
    chosen = [k for k, e in enumerate(found) if e.input in ("text_recall", "text_full", "gold")]
    x = np.array([found[k].features[0, columns] for k in chosen], dtype=np.float64)
    y = np.array([found[k].input == "text_full" for k in chosen], dtype=np.int8)
    return chosen, x, y


def fit_document(x: np.ndarray, y: np.ndarray):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, max_iter=1000).fit(x, y)


def export_document(model) -> dict:  # type: ignore[no-untyped-def]
    return {
        "features": list(DOCUMENT_FEATURES),
        "weights": [_number(float(w)) for w in model.coef_[0]],
        "bias": _number(float(model.intercept_[0])),
    }


def _number(value: float) -> float:
    """A float written with 7 significant digits: enough for thresholds and leaf values, and a small file."""
    return float(f"{value:.7g}")


def export(model, document: dict, drop: dict[str, float], veto: float, info: dict) -> dict:  # type: ignore[no-untyped-def]
    """The fitted model as the JSON that ``cleaner.strip.model.Model`` reads."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": [-1 if leaf[i] else int(nodes["feature_idx"][i]) for i in range(len(nodes))],
                "threshold": [0 if leaf[i] else _number(nodes["num_threshold"][i]) for i in range(len(nodes))],
                "left": [0 if leaf[i] else int(nodes["left"][i]) for i in range(len(nodes))],
                "right": [0 if leaf[i] else int(nodes["right"][i]) for i in range(len(nodes))],
                "value": [_number(nodes["value"][i]) if leaf[i] else 0 for i in range(len(nodes))],
            }
        )
    return {
        "format": 1,
        "features": list(NAMES),
        "baseline": _number(float(np.ravel(model._baseline_prediction)[0])),
        "drop": drop,
        "veto": veto,
        "document": document,
        "trees": trees,
        **info,
    }


def folds_of(found: list[Example]) -> dict[str, int]:
    """The fold of every site: ``GroupKFold`` over the sites, in a fixed order."""
    from sklearn.model_selection import GroupKFold

    sites = sorted({e.site for e in found})
    counts = collections.Counter(e.site for e in found)
    order = np.array([counts[s] for s in sites])
    out = {}
    for fold, (_, test) in enumerate(GroupKFold(FOLDS).split(order, order, np.arange(len(sites)))):
        for i in test:
            out[sites[i]] = fold
    return out


class Scorer:
    """Scores one input of one page fast for any choice of blocks: each block's tokens as counts over the page's words."""

    def __init__(self, example: Example, gold: str) -> None:
        vocabulary: dict[str, int] = {}
        rows = []
        for text in example.texts:
            counts = collections.Counter(_tokens(text))
            rows.append({vocabulary.setdefault(w, len(vocabulary)): c for w, c in counts.items()})
        gold_counts = collections.Counter(_tokens(gold))
        for w in gold_counts:
            vocabulary.setdefault(w, len(vocabulary))
        self.matrix = np.zeros((len(rows), len(vocabulary)), dtype=np.float32)
        for i, row in enumerate(rows):
            for j, c in row.items():
                self.matrix[i, j] = c
        self.gold = np.zeros(len(vocabulary), dtype=np.float32)
        for w, c in gold_counts.items():
            self.gold[vocabulary[w]] = c

    def f1(self, keep: np.ndarray) -> float:
        kept = keep.astype(np.float32) @ self.matrix
        overlap = float(np.minimum(kept, self.gold).sum())
        size, gold = float(kept.sum()), float(self.gold.sum())
        precision = overlap / size if size else float(not gold)
        recall = overlap / gold if gold else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def simulate(prose: np.ndarray, edge: float | np.ndarray, middle: float | np.ndarray) -> np.ndarray:
    """Which blocks the model alone keeps: the head and the tail peeled below ``edge``, the middle dropped below ``middle``.

    The thresholds may be one per block.
    """
    n = len(prose)
    edge = np.broadcast_to(edge, n)
    middle = np.broadcast_to(middle, n)
    keep = np.ones(n, dtype=bool)
    start = 0
    while start < n and prose[start] < edge[start]:
        keep[start] = False
        start += 1
    end = n
    while end > start and prose[end - 1] < edge[end - 1]:
        keep[end - 1] = False
        end -= 1
    keep[start:end] &= prose[start:end] >= middle[start:end]
    return keep


#: The thresholds tried, and how many pages may be made worse (F1 0.02 or more below the input as given).
GRID = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
#: The bounds leave room for the rules, which make some pages worse on their own (the chain's budget is 2%).
MAX_WORSE = {"gold": 0.02, "text_recall": 0.015, "text_full": 0.02, "html": 0.01}


def _table(rows: dict[str, list[tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Each input's mean F1 and share of pages made worse, from ``(as given, cleaned)`` F1 pairs."""
    return {
        name: (float(np.mean([a for _, a in r])), float(np.mean([a < g - 0.02 for g, a in r])))
        for name, r in rows.items()
    }


def _allowed(table: dict[str, tuple[float, float]]) -> bool:
    return all(worse <= MAX_WORSE[name.split("/")[1]] for name, (_, worse) in table.items())


#: Thresholds within this much mean F1 of the best are as good; the lowest of them (the one that keeps most) is taken.
AS_GOOD = 0.001


def _search(pairs, keep_for, names) -> tuple[tuple[float, ...], dict]:  # type: ignore[no-untyped-def]
    """The thresholds that keep the most while within :data:`AS_GOOD` of the best mean F1 (clean text aside),
    every input's share of pages made worse staying allowed."""
    found, excess = [], []
    for pair in pairs:
        rows: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
        for name, given, score_of, keep in keep_for(pair):
            rows[name].append((given, score_of(keep)))
        table = _table(rows)
        mean = float(np.mean([f1 for name, (f1, _) in table.items() if name.split("/")[1] in names]))
        if _allowed(table):
            found.append((pair, mean, table))
        over = sum(max(0.0, worse - MAX_WORSE[name.split("/")[1]]) for name, (_, worse) in table.items())
        excess.append((round(over, 6), -mean, pair, table))
    if not found:  # none is within bounds: the one that exceeds them least, summed over the inputs
        over, _, pair, table = min(excess, key=lambda e: (e[0], e[1]))
        print(f"train_block_model: no thresholds keep every input within bounds; {pair} exceeds them by {over:.1%}")
        return pair, table
    best = max(mean for _, mean, _ in found)
    pair, _, table = min((f for f in found if f[1] >= best - AS_GOOD), key=lambda f: (sum(f[0]), f[0]))
    return pair, table


def choose_drops(
    found: list[Example], prose: dict[int, np.ndarray], dump: dict[int, float]
) -> tuple[dict[str, float], dict]:
    """The thresholds with the best mean F1 that make few pages worse, and the out-of-fold scores they give.

    In turn: the article's (on text as trafilatura gives it, and on clean text),
    then the dump's (every text, the threshold moving by each text's dumpness),
    then the page's (blocks trafilatura keeps, and the others).
    """
    golds: dict[tuple[str, str], str] = {}
    scorers, given = {}, {}
    recall_column, standard_column = NAMES.index("recall"), NAMES.index("standard")
    for k, e in enumerate(found):
        key = (e.set, e.id)
        if key not in golds:
            golds[key] = BenchSet.find(e.set).folder.joinpath("gold", f"{e.id}.txt").read_text(encoding="utf-8")
        scorers[k] = Scorer(e, golds[key])
        # As given: the input itself; a page as given is what trafilatura's standard mode keeps of it.
        given_keep = e.features[:, standard_column] >= KEPT if e.input == "html" else np.ones(len(e.texts), dtype=bool)
        given[k] = scorers[k].f1(given_keep)
    pairs = [(a, b) for a in GRID for b in GRID if b <= a]

    def text_inputs(inputs: tuple[str, ...]):  # type: ignore[no-untyped-def]
        return [k for k, e in enumerate(found) if e.input in inputs]

    article_only = text_inputs(("text_recall", "gold"))
    (edge, middle), _ = _search(
        pairs,
        lambda p: (
            (f"{found[k].set}/{found[k].input}", given[k], scorers[k].f1, simulate(prose[k], *p)) for k in article_only
        ),
        ("text_recall",),
    )
    every_text = text_inputs(("text_recall", "text_full", "gold"))

    def lerp(k: int, p: tuple[float, float]) -> np.ndarray:
        d = dump[k]
        return simulate(prose[k], edge + d * (p[0] - edge), middle + d * (p[1] - middle))

    (dump_edge, dump_middle), text_table = _search(
        pairs,
        lambda p: ((f"{found[k].set}/{found[k].input}", given[k], scorers[k].f1, lerp(k, p)) for k in every_text),
        ("text_recall", "text_full"),
    )
    pages = text_inputs(("html",))

    def page_keep(k: int, p: tuple[float, float, float]) -> np.ndarray:
        features = found[k].features
        limits = np.where(
            features[:, standard_column] >= KEPT, p[0], np.where(features[:, recall_column] >= KEPT, p[1], p[2])
        )
        return simulate(prose[k], limits, limits)

    (kept, recall_only, other), page_table = _search(
        [(a, b, c) for a in GRID for b in GRID for c in GRID if a <= b <= c],
        lambda p: ((f"{found[k].set}/{found[k].input}", given[k], scorers[k].f1, page_keep(k, p)) for k in pages),
        ("html",),
    )
    chosen = {
        "article-edge": edge,
        "article-middle": middle,
        "dump-edge": dump_edge,
        "dump-middle": dump_middle,
        "page-kept": kept,
        "page-recall": recall_only,
        "page-other": other,
    }
    report = {
        name: [round(f1, 4), round(worse, 4)] for name, (f1, worse) in sorted({**text_table, **page_table}.items())
    }
    return chosen, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--set", dest="sets", action="append", help=f"a set of labelled pages (default: {', '.join(SETS)})"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model")
    parser.add_argument("--folds", type=Path, help="also write the fold models (and the sites' folds) here")
    parser.add_argument("--cache", type=Path, help="keep the labelled blocks here, and read them back if present")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for reading the pages")
    parser.add_argument(
        "--oof", type=Path, help="keep the out-of-fold probabilities here, and read them back if present"
    )
    args = parser.parse_args(argv)
    sets = [BenchSet.find(name) for name in args.sets or SETS]
    started = time.perf_counter()
    if args.cache and args.cache.is_file():
        found = pickle.loads(gzip.decompress(args.cache.read_bytes()))
    else:
        found = build(sets, args.jobs)
        if args.cache:
            args.cache.parent.mkdir(parents=True, exist_ok=True)
            args.cache.write_bytes(gzip.compress(pickle.dumps(found)))
    print(
        f"{sum(len(e.labels) for e in found)} blocks of {len({(e.set, e.id) for e in found})} pages, read in {time.perf_counter() - started:.0f} s"
    )
    x, y, w = stack(found)
    folds = folds_of(found)
    fold_of_block = np.concatenate([np.full(len(e.labels), folds[e.site]) for e in found])
    fold_models = {}
    if args.oof and args.oof.is_file():
        oof = np.load(args.oof)
    else:
        oof = np.zeros(len(y))
        for fold in range(FOLDS):
            test = fold_of_block == fold
            model = fit(x[~test], y[~test], w[~test])
            oof[test] = model.predict_proba(x[test])[:, 1]
            fold_models[fold] = model
        if args.oof:
            np.save(args.oof, oof)
    print(f"cross-validated in {time.perf_counter() - started:.0f} s")
    bounds = np.cumsum([0] + [len(e.labels) for e in found])
    prose = {k: oof[bounds[k] : bounds[k + 1]] for k in range(len(found))}
    chosen, dx, dy = document_rows(found)
    document_folds = np.array([folds[found[k].site] for k in chosen])
    dump_oof = np.zeros(len(chosen))
    document_models = {}
    for fold in range(FOLDS):
        test = document_folds == fold
        document_models[fold] = fit_document(dx[~test], dy[~test])
        dump_oof[test] = document_models[fold].predict_proba(dx[test])[:, 1]
    dump = {k: float(p) for k, p in zip(chosen, dump_oof, strict=True)}
    accuracy = float(np.mean((dump_oof >= 0.5) == (dy == 1)))
    print(f"page dumps told from articles out of fold: {accuracy:.1%} of {len(dy)} texts")
    drop, table = choose_drops(found, prose, dump)
    print(f"drop below {drop} (veto at {VETO}); out-of-fold, the model alone, mean F1 and share made worse:")
    for name, (mean, worse) in table.items():
        print(f"  {name:28s} F1 {mean:.3f}  made worse {worse:.1%}")
    import sklearn

    info = {
        "trained_on": sorted({e.set for e in found}),
        "pages": len({(e.set, e.id) for e in found}),
        "blocks": len(y),
        "sklearn": sklearn.__version__,
        "params": PARAMS,
        "cross_validated": {
            "folds": FOLDS,
            "grouped_by": "site",
            "dumps_told": round(accuracy, 4),
            "model_alone": table,
        },
    }
    if args.folds:
        args.folds.mkdir(parents=True, exist_ok=True)
        for fold in range(FOLDS):
            path = args.folds / f"fold-{fold}.json"
            document = export_document(document_models[fold])
            if fold in fold_models:
                data = export(fold_models[fold], document, drop, VETO, {"fold": fold})
            else:  # the probabilities were read back: only the thresholds and the document model change
                data = {**json.loads(path.read_text()), "drop": drop, "veto": VETO, "document": document}
            path.write_text(json.dumps(data, separators=(",", ":")) + "\n")
        (args.folds / "sites.json").write_text(json.dumps(folds, indent=0, sort_keys=True) + "\n")
    final = fit(x, y, w)
    document = export_document(fit_document(dx, dy))
    args.out.write_text(json.dumps(export(final, document, drop, VETO, info), separators=(",", ":")) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
