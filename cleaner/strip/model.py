"""The block model: how likely a block is to be article prose, from its features.

The model is a small ensemble of regression trees (gradient boosting), fitted
by ``scripts/train_block_model.py`` on blocks of the bench pages labelled by
aligning them with the gold text, and shipped as ``cleaner/data/block_model.json``.
Inference walks every block of a document down every tree at once, one level
at a time, with numpy (:class:`Forest`); the leaves' values are summed tree by
tree, in the trees' order, and the sum goes through the logistic function, so
the probabilities are those of walking each tree in plain Python
(:meth:`Model.score`, the reference), bit for bit.

A block that no rule names is dropped when its probability is below its
threshold (:meth:`Model.drop`).  For a block of plain text the threshold
depends on where it stands (the head and tail, or the middle) and on how much
the whole text looks like the dump of a page (its menus, footers and teasers)
rather than an article: a small logistic model over the document's features
(:attr:`Model.document`) says so, and the threshold moves from the article's
towards the dump's.  For a block of a page, one threshold holds where
trafilatura's standard mode keeps it, a higher one where only its recall mode
does, and a higher one still elsewhere, so that the model overrules
trafilatura only where it is sure.  A rule's claim on a
block whose probability is at least :attr:`Model.veto` is overruled: the model
is sure it is prose.

>>> model = Model.from_dict({"features": ["words"], "baseline": 0.0, "drop": {"article-edge": 0.5}, "veto": 0.9,
...     "trees": [{"feature": [0, -1, -1], "threshold": [2.0, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0],
...                "value": [0.0, -3.0, 3.0]}]})
>>> [round(p, 3) for p in model.prose([[1.0], [5.0]])]
[0.047, 0.953]
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np

from cleaner.document import Block, PageSignals

#: Where the shipped model lies, inside the package.
DATA = "block_model.json"
#: The thresholds a model has: for an article's text and for a page's dump, at the edges and in the middle;
#: for the blocks of a page, kept by trafilatura's standard mode, by its recall mode only, or by neither.
DROPS = ("article-edge", "article-middle", "dump-edge", "dump-middle", "page-kept", "page-recall", "page-other")
#: A page's block is one trafilatura keeps when this share of it is in trafilatura's text.
KEPT = 0.5

Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]


@dataclass(frozen=True)
class Model:
    """A fitted ensemble of trees over named features, and the two thresholds that act on its output."""

    features: tuple[str, ...]
    baseline: float
    trees: tuple[Tree, ...]
    #: The thresholds below which a block no rule names is dropped (the keys of :data:`DROPS`).
    drops: Mapping[str, float]
    veto: float
    #: How much a text looks like a page's dump: ``(feature indexes, weights, bias)`` of a logistic model.
    document: tuple[tuple[int, ...], tuple[float, ...], float]
    #: Anything else the training script recorded (its settings, its cross-validated scores).
    info: Mapping[str, Any]
    _forest: Forest = field(init=False, repr=False, compare=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Model:
        """A model from its JSON form."""
        trees = tuple(
            (
                tuple(int(x) for x in t["feature"]),
                tuple(float(x) for x in t["threshold"]),
                tuple(int(x) for x in t["left"]),
                tuple(int(x) for x in t["right"]),
                tuple(float(x) for x in t["value"]),
            )
            for t in data["trees"]
        )
        features = tuple(data["features"])
        document = data.get("document") or {"features": [], "weights": [], "bias": 0.0}
        return cls(
            features,
            float(data["baseline"]),
            trees,
            {k: float(v) for k, v in data["drop"].items()},
            float(data["veto"]),
            (
                tuple(features.index(name) for name in document["features"]),
                tuple(float(w) for w in document["weights"]),
                float(document["bias"]),
            ),
            {k: v for k, v in data.items() if k not in ("features", "baseline", "trees", "drop", "veto", "document")},
        )

    def drop(self, page: PageSignals | None, edge: bool, dump: float = 0.0) -> float:
        """The threshold for a block.

        Of plain text: in the head or tail (``edge``) or the middle, between the
        article's and the dump's by ``dump`` (:meth:`dumpness`); of a page: kept
        by trafilatura's standard mode, by its recall mode only, or by neither.
        """
        if page is not None:
            tier = "page-kept" if page.standard >= KEPT else "page-recall" if page.recall >= KEPT else "page-other"
            return self.drops.get(tier, 0.0)
        place = "edge" if edge else "middle"
        article, whole_page = self.drops.get(f"article-{place}", 0.0), self.drops.get(f"dump-{place}", 0.0)
        return article + dump * (whole_page - article)

    def dumpness(self, row: Sequence[float]) -> float:
        """How much the document that ``row`` (any of its blocks' rows) belongs to looks like a page's dump."""
        indexes, weights, bias = self.document
        z = bias + sum(w * row[i] for i, w in zip(indexes, weights, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-500.0, min(500.0, z))))

    def score(self, row: Sequence[float]) -> float:
        """The model's raw score (log-odds) of one row of features."""
        total = self.baseline
        for feature, threshold, left, right, value in self.trees:
            node = 0
            while feature[node] >= 0:
                node = left[node] if row[feature[node]] <= threshold[node] else right[node]
            total += value[node]
        return total

    def prose(self, rows: Sequence[Sequence[float]] | np.ndarray) -> list[float]:
        """The probability that each row's block is article prose."""
        return [1.0 / (1.0 + math.exp(-max(-500.0, float(z)))) for z in self._forest.scores(rows)]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_forest", Forest(self.trees, self.baseline))

    def scorer(self) -> Callable[[Sequence[Block]], tuple[list[float], float]]:
        """For some blocks (the kept blocks of a document, in order): how likely each is prose, and the document's dumpness."""
        from cleaner.strip.features import NAMES, Memo, featurize

        if self.features != NAMES:
            from cleaner.errors import ConfigError

            raise ConfigError("the block model was fitted on other features than this version computes: retrain it")

        memo = Memo()

        def score(blocks: Sequence[Block]) -> tuple[list[float], float]:
            rows = featurize([b.text for b in blocks], [b.page for b in blocks], memo=memo)
            return self.prose(rows), (self.dumpness(rows[0]) if len(rows) else 0.0)

        return score


#: Rows walked down the trees at once.
CHUNK = 2048


class Forest:
    """The trees as flat arrays, to walk many rows down all of them at once.

    Each tree's nodes are padded to the same count and stored one tree after
    another; a node is its place in those arrays, and a leaf points to itself,
    so a row that reaches a leaf early stays there while the others go on down.
    The leaves' values are then added up tree by tree, left to right
    (``numpy.cumsum`` adds in order), from the baseline: the same sums, bit for
    bit, as :meth:`Model.score`.

    >>> forest = Forest([((0, -1, -1), (2.0, 0.0, 0.0), (1, 0, 0), (2, 0, 0), (0.0, -1.0, 1.0))], 0.5)
    >>> forest.scores([[1.0], [3.0]]).tolist()
    [-0.5, 1.5]
    """

    def __init__(self, trees: Sequence[Tree], baseline: float) -> None:
        size = max((len(t[0]) for t in trees), default=1)
        count = len(trees)
        feature = np.zeros((count, size), dtype=np.intp)
        threshold = np.zeros((count, size), dtype=np.float64)
        itself = np.tile(np.arange(size, dtype=np.intp), (count, 1))
        left, right = itself.copy(), itself.copy()
        value = np.zeros((count, size), dtype=np.float64)
        for t, (features, thresholds, lefts, rights, values) in enumerate(trees):
            n = len(features)
            inner = np.asarray(features) >= 0
            feature[t, :n] = np.where(inner, features, 0)
            threshold[t, :n] = thresholds
            left[t, :n] = np.where(inner, lefts, np.arange(n))
            right[t, :n] = np.where(inner, rights, np.arange(n))
            value[t, :n] = values
        offset = (np.arange(count, dtype=np.intp) * size)[:, None]
        self.feature, self.threshold, self.value = feature.ravel(), threshold.ravel(), value.ravel()
        self.left, self.right = (left + offset).ravel(), (right + offset).ravel()
        self.roots = offset.ravel()
        self.depth = max((_depth(t) for t in trees), default=0)
        self.baseline = baseline

    def scores(self, rows: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
        """The raw score (log-odds) of each row, walked :data:`CHUNK` rows at a time (a row's walk
        holds a node per tree: in chunks, a document of any length walks in bounded memory)."""
        x = np.asarray(rows, dtype=np.float64)
        if x.ndim != 2 or not len(x):
            return np.zeros(len(x))
        if len(x) <= CHUNK:
            return self._scores(x)
        return np.concatenate([self._scores(x[at : at + CHUNK]) for at in range(0, len(x), CHUNK)])

    def _scores(self, x: np.ndarray) -> np.ndarray:
        n, width = x.shape
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        start = (np.arange(n, dtype=np.intp) * width)[:, None]
        flat = x.ravel()
        for _ in range(self.depth):
            go_left = np.take(flat, start + np.take(self.feature, node)) <= np.take(self.threshold, node)
            node = np.where(go_left, np.take(self.left, node), np.take(self.right, node))
        leaves = np.concatenate([np.full((n, 1), self.baseline), np.take(self.value, node)], axis=1)
        result: np.ndarray = np.cumsum(leaves, axis=1)[:, -1]
        return result


def _depth(tree: Tree, node: int = 0) -> int:
    """How many comparisons the deepest leaf of a tree lies below its root."""
    feature, _, left, right, _ = tree
    if feature[node] < 0:
        return 0
    return 1 + max(_depth(tree, left[node]), _depth(tree, right[node]))


@functools.cache
def load(path: str | None = None) -> Model:
    """The model in the JSON file at ``path``, or the one that ships with the package."""
    from cleaner.errors import ConfigError

    try:
        if path is None:
            text = resources.files("cleaner.data").joinpath(DATA).read_text(encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        return Model.from_dict(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"{path or DATA}: not a block model ({error})") from None
