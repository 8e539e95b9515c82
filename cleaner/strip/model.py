"""The block model: how likely a block is to be article prose, from its features.

The model is a small ensemble of regression trees (gradient boosting), fitted
by ``scripts/train_block_model.py`` on blocks of the bench pages labelled by
aligning them with the gold text, and shipped as ``cleaner/data/block_model.json``.
Inference is plain Python: each tree is walked from its root to a leaf, the
leaves' values are summed, and the sum goes through the logistic function.

A block that no rule names is dropped when its probability is below its
threshold (:meth:`Model.drop`): for a block of plain text, one for the head and
tail and one for the middle; for a block of a page, one for the blocks that
trafilatura keeps and a higher one for the others, so that the model overrules
trafilatura only where it is sure.  A rule's claim on a
block whose probability is at least :attr:`Model.veto` is overruled: the model
is sure it is prose.

>>> model = Model.from_dict({"features": ["words"], "baseline": 0.0, "drop": {"text-edge": 0.5}, "veto": 0.9,
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
from dataclasses import dataclass
from importlib import resources
from typing import Any

from cleaner.document import Block, PageSignals

#: Where the shipped model lies, inside the package.
DATA = "block_model.json"
#: The thresholds a model has: for text, at the edges and in the middle; for pages, kept by trafilatura or not.
DROPS = ("text-edge", "text-middle", "page-kept", "page-other")
#: A page's block is one trafilatura keeps when this share of it is in trafilatura's recall-mode text.
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
    #: Anything else the training script recorded (its settings, its cross-validated scores).
    info: Mapping[str, Any]

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
        drop = data["drop"]
        drops = (
            {k: float(drop) for k in DROPS}
            if isinstance(drop, (int, float))
            else {k: float(v) for k, v in drop.items()}
        )
        return cls(
            tuple(data["features"]),
            float(data["baseline"]),
            trees,
            drops,
            float(data["veto"]),
            {k: v for k, v in data.items() if k not in ("features", "baseline", "trees", "drop", "veto")},
        )

    def drop(self, page: PageSignals | None, edge: bool) -> float:
        """The threshold for a block: of text in the head or tail (``edge``) or the middle; of a page, kept by trafilatura or not."""
        if page is not None:
            return self.drops.get("page-kept" if page.recall >= KEPT else "page-other", 0.0)
        return self.drops.get("text-edge" if edge else "text-middle", 0.0)

    def score(self, row: Sequence[float]) -> float:
        """The model's raw score (log-odds) of one row of features."""
        total = self.baseline
        for feature, threshold, left, right, value in self.trees:
            node = 0
            while feature[node] >= 0:
                node = left[node] if row[feature[node]] <= threshold[node] else right[node]
            total += value[node]
        return total

    def prose(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability that each row's block is article prose."""
        return [1.0 / (1.0 + math.exp(-max(-500.0, self.score(row)))) for row in rows]

    def scorer(self) -> Callable[[Sequence[Block]], list[float]]:
        """The probability that each of some blocks (the kept blocks of a document, in order) is prose."""
        from cleaner.strip.features import NAMES, featurize

        if self.features != NAMES:
            from cleaner.config import ConfigError

            raise ConfigError("the block model was fitted on other features than this version computes: retrain it")

        def score(blocks: Sequence[Block]) -> list[float]:
            return self.prose(featurize([b.text for b in blocks], [b.page for b in blocks]))

        return score


@functools.cache
def load(path: str | None = None) -> Model:
    """The model in the JSON file at ``path``, or the one that ships with the package."""
    from cleaner.config import ConfigError

    try:
        if path is None:
            text = resources.files("cleaner.data").joinpath(DATA).read_text(encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        return Model.from_dict(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"{path or DATA}: not a block model ({error})") from None
