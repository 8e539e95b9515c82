"""Deciding every block: the rules of the registry name the chrome they know, the block model judges the rest.

One pass over the kept blocks of a document:

1. every block gets its features (:mod:`cleaner.strip.features`, with the
   page's signals when it came from a page) and the model's probability that
   it is article prose;
2. the **head** is read from the top: the head's rules are asked in order
   (:func:`cleaner.strip.registry.rules_for`); a block a rule claims is
   labelled with the rule's kind, unless the model is sure it is prose (its
   *veto*); a block no rule claims is dropped when the model is sure it is
   not prose; the first block that is neither ends the head;
3. the **tail** is read from the bottom the same way, where run detectors
   (a related-links header with its teasers …) may claim several blocks at once;
4. the **middle** is scanned: its rules, its run detector, and the model.

A block the model drops is ``boilerplate``, or, when it came from a page, the
kind of container it sits in (a menu is ``navigation``, a share bar
``social`` …).  A document has one title: when the block just below a
claimed title could be a title too, neither is taken (a subheading is not a
second title); a page that names its title has it labelled already.

The pass is repeated on what the text will show (the blocks it keeps, and
those of the kinds the config keeps in the text) until a pass takes nothing
more out of it, so that cleaning clean text changes nothing, whatever is kept:
a kept caption that ends up on top of the text is read again as a fresh
cleaning of that text would read it.  A repeat asks little: the rules that
read nothing but a block's text are asked once per block and zone, and the
features are recomputed in one linear pass.

>>> from cleaner.document import Document
>>> doc = strip_chrome(Document.from_blocks(["Talks go on", "By Jane Doe",
...     "The talks went on for hours, officials said, and no deal was reached by the evening.",
...     "Follow us on Twitter"]))
>>> [(b.kind, b.text) for b in doc.blocks if not b.kept]
[('title', 'Talks go on'), ('byline', 'By Jane Doe'), ('social', 'Follow us on Twitter')]
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cleaner.document import Block, Document, Fact, PageSignals, Why
from cleaner.strip.ask import Asker
from cleaner.strip.claims import Claim, Context, looks_like_body
from cleaner.strip.model import KEPT, Model, load
from cleaner.strip.registry import HEAD, MIDDLE, TAIL, Rule, Run, container_kind, rules_for, runs_for

#: How many following (or preceding) blocks a rule may look at.
LOOKAHEAD = 10
#: The names by which the passes over each zone can be switched off (``Config.disable``).
PASSES = {"peel_head": HEAD, "peel_tail": TAIL, "scan_middle": MIDDLE}
#: The name by which the block model can be switched off.
MODEL_STEP = "block_model"
#: What the model's labels are signed with, and the rows of the decision table that keep a block.
MODEL_RULE = "block-model"
KEPT_ROW = "kept"
VETO_ROW = "model-veto"
TITLE_PAIR_ROW = "title-pair"
#: Rounds at most: each round labels at least one block, and rounds past the second are rare.
MAX_ROUNDS = 50
Scorer = Callable[[Sequence[Block]], tuple[list[float], float]]


_TAIL, _MIDDLE = Context(TAIL), Context(MIDDLE)


class Window(Sequence[str]):
    """The texts ``[start, end)`` of a list, seen without copying them: what a run detector is shown.

    >>> w = Window(["a", "b", "c", "d"], 1, 3)
    >>> len(w), w[0], w[-1], list(w), w[0:2]
    (2, 'b', 'c', ['b', 'c'], ['b', 'c'])
    """

    def __init__(self, texts: Sequence[str], start: int, end: int) -> None:
        self.texts, self.start, self.end = texts, start, end

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self.texts[self.start + i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.texts[self.start + index]


def _first_run(texts: Sequence[str], at: int, runs: Sequence[Rule]) -> Run | None:
    """The run of the first of the detectors ``runs`` that finds one at ``at``."""
    for rule in runs:
        detect = rule.detect
        assert detect is not None
        run = detect(texts, at)
        if run is not None:
            return dataclasses.replace(run, row=rule.name)
    return None


def dropped_kind(page: PageSignals | None) -> str:
    """The kind of a block the model drops: its container's, when the page names one (see :func:`container_kind`).

    >>> from cleaner.document import CONTAINER, NAMED
    >>> dropped_kind(None), dropped_kind(PageSignals("a", within=CONTAINER["nav"])), dropped_kind(PageSignals("p", named=NAMED["social"]))
    ('boilerplate', 'navigation', 'social')
    """
    return container_kind(page)[0]


@dataclass
class _Round:
    """One pass over the kept blocks: their texts, the model's probabilities, what the pass labels, and why."""

    blocks: Sequence[Block]
    prose: Sequence[float]
    dump: float
    model: Model | None
    asker: Asker
    authors: tuple[str, ...]
    number: int = 1
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)
    whys: dict[int, Why] = field(default_factory=dict)
    cut: tuple[int, int] | None = None  # a head claim that takes the start of a block: (block, end)
    facts: list[Fact] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.texts = [b.text for b in self.blocks]
        self._reached: dict[str, list[int]] = {}

    def reaches(self, rule: Rule, start: int, end: int) -> bool:
        """Whether a run of ``rule`` may close the blocks ``[start, end)``: some block within its reach above
        ``end`` passes its gate (see :attr:`cleaner.strip.registry.Rule.reach`)."""
        if rule.gate is None:
            return True
        counts = self._reached.get(rule.name)
        if counts is None:  # how many blocks pass the gate, up to each block
            bit = self.asker.bit(rule)
            counts = self._reached[rule.name] = [0, *itertools.accumulate(bool(m & bit) for m in self.masks)]
        return counts[end] - counts[max(start, end - rule.reach)] > 0

    @functools.cached_property
    def masks(self) -> list[int]:
        """The bits of the rules each block's gates admit."""
        return [self.asker.mask(text) for text in self.texts]

    def opens(self, rule: Rule, i: int) -> bool:
        """Whether a run of ``rule`` may start at block ``i`` (in the middle): the block passes its gate."""
        return rule.gate is None or bool(self.masks[i] & self.asker.bit(rule))

    def veto(self, i: int) -> str | None:
        """Why the model overrules a rule on block ``i``, or ``None`` when it does not: it is sure the block is
        prose, and the block reads as a sentence or, on a page, trafilatura's standard mode keeps it too."""
        if self.model is None or self.prose[i] < self.model.veto:
            return None
        if looks_like_body(self.texts[i]):
            return "reads as a sentence"
        page = self.blocks[i].page
        return "trafilatura keeps it" if page is not None and page.standard >= KEPT else None

    def vetoed(self, i: int) -> bool:
        return self.veto(i) is not None

    def threshold(self, i: int, edge: bool) -> float | None:
        """The probability below which block ``i`` is dropped when no rule names it (``None`` without a model)."""
        return None if self.model is None else self.model.drop(self.blocks[i].page, edge, self.dump)

    def not_prose(self, i: int, edge: bool) -> bool:
        threshold = self.threshold(i, edge)
        return threshold is not None and self.prose[i] < threshold

    def _why(self, i: int, row: str, threshold: float | None, **more: str | None) -> Why:
        prose = self.prose[i] if self.model is not None else None
        return Why(row, self.number, prose, threshold if prose is not None else None, **more)

    def label(self, i: int, claim: Claim | Run) -> None:
        """Label block ``i`` as a rule claims it (the model was not sure enough it is prose to veto).

        A block labelled in an earlier round (of a kind kept in the text) brought its facts then.
        """
        self.labels[i] = (claim.kind, claim.rule)
        self.whys[i] = self._why(i, claim.row, self.model.veto if self.model is not None else None)
        if isinstance(claim, Claim) and self.blocks[i].kept:
            self.facts.extend(claim.facts)

    def drop_block(self, i: int, edge: bool) -> None:
        """Label block ``i`` as the model drops it."""
        kind, container = container_kind(self.blocks[i].page)
        self.labels[i] = (kind, MODEL_RULE)
        self.whys[i] = self._why(i, MODEL_RULE, self.threshold(i, edge), reason=container)

    def keep(self, i: int, edge: bool, overruled: Claim | Run | None = None) -> None:
        """Keep block ``i``: no rule names it and the model keeps it, or the model vetoes a rule's claim."""
        if overruled is None:
            self.whys[i] = self._why(i, KEPT_ROW, self.threshold(i, edge))
        else:
            veto = self.model.veto if self.model is not None else None
            self.whys[i] = self._why(i, VETO_ROW, veto, overruled=overruled.row, reason=self.veto(i))


def _head(r: _Round, rules: Sequence[Rule], found: set[str]) -> int:
    """Label the head; the index of the first block it keeps."""
    title_at: int | None = None
    i, n = 0, len(r.texts)
    while i < n:
        text = r.texts[i]
        ctx = Context(
            HEAD, frozenset(found), r.authors + _authors(r.facts), after=tuple(r.texts[i + 1 : i + 1 + LOOKAHEAD])
        )
        claim = r.asker.first_claim(text, ctx, rules) if rules else None
        if claim is not None and claim.end is not None:
            if 0 < claim.end < len(text) and text[claim.end :].strip():
                r.cut = (i, claim.end)  # the claim takes the start of the block; the rest is read again
                r.label(i, claim)
                return i
            claim = dataclasses.replace(claim, end=None)
        if claim is not None and claim.kind == "title" and r.not_prose(i, edge=True):
            claim = None  # a title is no menu item: what the model drops is not the title
        if claim is not None and not r.vetoed(i):
            r.label(i, claim)
            found.add(claim.kind)
            title_at = i if claim.kind == "title" else title_at
        elif claim is None and r.not_prose(i, edge=True):
            r.drop_block(i, edge=True)
        else:
            r.keep(i, edge=True, overruled=claim)
            break
        i += 1
    if title_at is not None and i < n and _could_be_title(r.texts, i, rules):
        del r.labels[title_at]  # two headings in a row: neither is surely the title
        r.whys[title_at] = Why(TITLE_PAIR_ROW, r.number)
        r.facts = [f for f in r.facts if f.by != "title"]
    return i


def _could_be_title(texts: Sequence[str], i: int, rules: Sequence[Rule]) -> bool:
    """Whether a fresh read of the text from block ``i`` would take it for the title."""
    for rule in rules:
        if rule.kind == "title" and rule.classify is not None:
            return rule.classify(texts[i], Context(HEAD, after=tuple(texts[i + 1 : i + 1 + LOOKAHEAD]))) is not None
    return False


def _authors(facts: Iterable[Fact]) -> tuple[str, ...]:
    return tuple(name for f in facts if f.field == "authors" for name in f.value)


def _tail(r: _Round, start: int, rules: Sequence[Rule], runs: Sequence[Rule]) -> int:
    """Label the tail, from the bottom up to ``start``; the index just past the last block it keeps."""
    found: set[str] = set()
    end = len(r.texts)
    while end > start:
        i = end - 1
        ctx = Context(TAIL, frozenset(found), r.authors, before=tuple(r.texts[max(start, i - LOOKAHEAD) : i]))
        claim = r.asker.first_claim(r.texts[i], ctx, rules) if rules else None
        if claim is not None and claim.end is None and not r.vetoed(i):
            r.label(i, claim)
            found.add(claim.kind)
            end = i
            continue
        asked = [rule for rule in runs if r.reaches(rule, start, end)]
        run = _first_run(Window(r.texts, start, end), end - start, asked) if asked else None
        if run is not None and not any(r.vetoed(start + j) for j in range(run.start, run.end)):
            for j in range(start + run.start, end):
                r.label(j, run)
            if run.fact is not None:
                r.facts.append(run.fact)
            found.add(run.kind)
            end = start + run.start
            continue
        if claim is None and r.not_prose(i, edge=True):
            r.drop_block(i, edge=True)
            end = i
            continue
        r.keep(i, edge=True, overruled=claim if claim is not None and claim.end is None else run)
        break
    return end


def _middle(r: _Round, start: int, end: int, rules: Sequence[Rule], runs: Sequence[Rule]) -> None:
    """Label the chrome between the head and the tail."""
    ctx = Context(MIDDLE)
    texts = Window(r.texts, start, end)
    i = start
    while i < end:
        asked = [rule for rule in runs if r.opens(rule, i)] if runs else None
        run = _first_run(texts, i - start, asked) if asked else None
        if run is not None and not any(r.vetoed(start + j) for j in range(run.start, run.end)):
            for j in range(start + run.start, start + run.end):
                r.label(j, run)
            i = start + run.end
            continue
        claim = r.asker.zone_claim(r.texts[i], ctx, rules) if rules else None
        if claim is not None and claim.end is None and not r.vetoed(i):
            r.label(i, claim)
        elif claim is None and r.not_prose(i, edge=False):
            r.drop_block(i, edge=False)
        else:
            overruled = (
                claim
                if claim is not None and claim.end is None
                else run
                if run is not None and run.start == i - start
                else None
            )
            r.keep(i, edge=False, overruled=overruled)
        i += 1


def _apply(blocks: Sequence[Block], kept: Sequence[int], r: _Round) -> list[Block]:
    """The document's blocks with the round's labels (and its cut, if any) applied."""
    out = list(blocks)
    for k, (kind, rule) in r.labels.items():
        out[kept[k]] = blocks[kept[k]].labelled(kind, rule, r.whys[k])
    if r.cut is not None:
        k, end = r.cut
        block = blocks[kept[k]]
        head = Block(block.text[:end].strip(), *r.labels[k], why=r.whys[k])
        out[kept[k] : kept[k] + 1] = [head, block.with_text(block.text[end:].strip())]
    return out


def _explain(blocks: Sequence[Block], kept: Sequence[int], r: _Round) -> list[Block]:
    """The document's blocks, each block the round kept told why."""
    out = list(blocks)
    for k, why in r.whys.items():
        if k not in r.labels:
            out[kept[k]] = blocks[kept[k]].explained(why)
    return out


class StripChrome:
    """The chrome-removal step: rules and model over head, tail and middle, until nothing more is labelled."""

    name = "strip_chrome"

    def __init__(
        self,
        disable: Iterable[str] = (),
        model: str | None = None,
        scorer: Scorer | None = None,
        keep: Iterable[str] = (),
    ) -> None:
        off = set(disable)
        self.keep = frozenset(keep)
        self.zones = frozenset(zone for name, zone in PASSES.items() if name not in off)
        self.use_model = MODEL_STEP not in off
        self.model_path = model
        self.scorer = scorer

    def __call__(self, doc: Document) -> Document:
        model = load(self.model_path) if self.use_model else None
        scorer = (self.scorer or model.scorer()) if model is not None else None
        head_rules = rules_for(HEAD) if HEAD in self.zones else ()
        tail_rules = rules_for(TAIL) if TAIL in self.zones else ()
        tail_runs = runs_for(TAIL) if TAIL in self.zones else ()
        middle_rules = rules_for(MIDDLE) if MIDDLE in self.zones else ()
        middle_runs = runs_for(MIDDLE) if MIDDLE in self.zones else ()
        asker = Asker()
        blocks = list(doc.blocks)
        facts: list[Fact] = []
        titled = any(f.field == "title" for f in doc.facts)  # the page named its title
        for number in range(1, MAX_ROUNDS + 1):
            kept = [i for i, b in enumerate(blocks) if shown(b, self.keep)]
            if not kept:
                break
            chosen = [blocks[i] for i in kept]
            prose, dump = scorer(chosen) if scorer is not None else ([0.5] * len(chosen), 0.0)
            authors = _authors(doc.facts) + _authors(facts)
            r = _Round(chosen, prose, dump, model, asker, authors, number)
            # A page names its title; its stand-first, once taken, is not taken again in a later round.
            found = {"title"} | ({"description"} & {fact.field for fact in facts}) if titled else set()
            head_end = _head(r, head_rules, found) if (head_rules or scorer) else 0
            if r.cut is None:
                tail_start = (
                    _tail(r, head_end, tail_rules, tail_runs) if (tail_rules or tail_runs or scorer) else len(chosen)
                )
                _middle(r, head_end, tail_start, middle_rules, middle_runs)
            if not r.labels:
                blocks = _explain(blocks, kept, r)
                break
            facts.extend(r.facts)
            blocks = _apply(_explain(blocks, kept, r), kept, r)
            if r.cut is None and all(shown(blocks[kept[k]], self.keep) for k in r.labels):
                break  # the round took nothing out of the text: it is what the next round would read
        return doc.replace(blocks=tuple(blocks), facts=doc.facts + tuple(facts))


def shown(block: Block, keep: frozenset[str]) -> bool:
    """Whether ``block`` is in the clean text: it is kept, or its kind is one the config keeps.

    >>> caption = Block("Jane Doe at the summit", "caption", "caption")
    >>> shown(caption, frozenset()), shown(caption, frozenset({"caption"})), shown(Block("Prose."), frozenset())
    (False, True, True)
    """
    return block.kept or block.kind in keep


def strip_chrome(doc: Document) -> Document:
    """Label the chrome of ``doc`` with every zone and the shipped model."""
    return StripChrome()(doc)
