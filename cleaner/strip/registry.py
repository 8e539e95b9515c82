"""The one table of chrome rules: each rule's name, the kind it names, the zones where it may claim, its order.

Everything that places rules is derived from :data:`RULES`: which rules the
head, the tail and the middle ask (:func:`rules_for`), which detectors of runs
of blocks they try (:func:`runs_for`), the kinds ``keep`` may name
(:data:`KINDS`, checked by :func:`check_kinds`), the kinds table of the
README and the tests' list of classifiers.

A block rule is a pure function ``(text, context) -> Claim | None``.  A run
detector looks at several blocks at once, ``(texts, at) -> Run | None``: in
the tail ``at`` is where the run must end (it closes the text), in the middle
where it must start.

>>> [r.name for r in rules_for("middle")][:3]
['cookie-notice', 'markup', 'contributors']
>>> "byline" in KINDS and "boilerplate" in KINDS
True
>>> check_kinds(["byline", "captoin"])
Traceback (most recent call last):
...
cleaner.config.ConfigError: unknown kind 'captoin' (did you mean 'caption'?)
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from cleaner.document import Fact
from cleaner.strip.byline import author_bio, byline
from cleaner.strip.claims import Classifier
from cleaner.strip.company import imprint, press_boilerplate
from cleaner.strip.dateline import dateline
from cleaner.strip.footer import affiliate, comments, contact, contributors, markup, reading_time, tags
from cleaner.strip.header import description, navigation, section_label, title
from cleaner.strip.legal import cookie_notice, copyright_line
from cleaner.strip.media import advertisement, caption, embed, photo_credit
from cleaner.strip.related import bullet_teasers, excerpt_run, middle_group, read_more, related_end, related_group
from cleaner.strip.social import newsletter, social
from cleaner.strip.timestamp import timestamp

HEAD, TAIL, MIDDLE = "head", "tail", "middle"
ZONES = (HEAD, TAIL, MIDDLE)


@dataclass(frozen=True)
class Run:
    """A run of blocks ``[start, end)`` that is chrome as a whole, its kind, the rule, and a fact it gives."""

    start: int
    end: int
    kind: str
    rule: str
    fact: Fact | None = None


Detector = Callable[[Sequence[str], int], "Run | None"]


@dataclass(frozen=True)
class Rule:
    """A rule of the table: a block rule (``classify``) or a run detector (``detect``)."""

    name: str
    kind: str
    zones: frozenset[str]
    classify: Classifier | None = None
    detect: Detector | None = None
    #: What a block rule reads of its context beyond its zone ("found", "after", "before", "authors").
    #: A rule that reads nothing else is asked once per block and zone.
    reads: frozenset[str] = frozenset()

    @property
    def is_run(self) -> bool:
        return self.detect is not None


def _rule(name: str, kind: str, zones: str, classify: Classifier, reads: str = "") -> Rule:
    return Rule(name, kind, frozenset(zones.split()), classify=classify, reads=frozenset(reads.split()))


def _run(name: str, kind: str, zones: str, detect: Detector) -> Rule:
    return Rule(name, kind, frozenset(zones.split()), detect=detect)


# Run detectors: the functions of the rule modules, given one contract.


def _related_block(texts: Sequence[str], end: int) -> Run | None:
    """A related-links header closing the text with its teasers ("More from World" + headlines)."""
    found = related_group(texts, end)
    if found is None:
        return None
    start, (field, value) = found
    return Run(start, end, "related-links", "related-block", Fact(field, value, "related-block") if field else None)


def _bulleted_teasers(texts: Sequence[str], end: int) -> Run | None:
    """Bulleted headlines closing the text, in Title Case or each run into its summary, or under one kicker."""
    start = bullet_teasers(texts, end)
    return None if start is None else Run(start, end, "related-links", "related-block")


def _excerpts(texts: Sequence[str], end: int) -> Run | None:
    """A headerless run of post excerpts closing the text, cut off mid-sentence."""
    start = excerpt_run(texts, end)
    return None if start is None else Run(start, end, "related-links", "excerpt-run")


def _press_close(texts: Sequence[str], end: int) -> Run | None:
    """The close of a press release: "About ACME", media contacts, forward-looking statements."""
    found = press_boilerplate(texts, end)
    return None if found is None else Run(found[0], end, "press-boilerplate", found[1])


def _middle_related(texts: Sequence[str], start: int) -> Run | None:
    """A clear related-links header with two or more teasers under it, in the middle of the text."""
    length = middle_group(texts, start)
    return Run(start, start + length, "related-links", "related-block-middle") if length else None


#: The table, in the order rules are asked: the first rule to claim a block names its kind.
RULES: tuple[Rule, ...] = (
    _rule("cookie-notice", "cookie-notice", "head tail middle", cookie_notice),
    _rule("markup", "markup", "head tail middle", markup),
    _rule("affiliate-notice", "affiliate-notice", "tail", affiliate),
    _rule("comments", "comments", "tail", comments),
    _rule("tags", "tags", "tail", tags, reads="before"),
    _rule("contributors", "contributors", "tail middle", contributors),
    _rule("related-header", "related-links", "tail", related_end),
    _rule("timestamp", "timestamp", "head tail", timestamp),
    _rule("reading-time", "reading-time", "head tail", reading_time),
    _rule("navigation", "navigation", "head tail", navigation),
    _rule("section-label", "section-label", "head", section_label),
    _rule("byline", "byline", "head tail", byline),
    _rule("photo-credit", "photo-credit", "head tail middle", photo_credit),
    _rule("dateline", "dateline", "head", dateline),
    _rule("social", "social", "head tail middle", social),
    _rule("newsletter", "newsletter", "head tail middle", newsletter),
    _rule("author-bio", "author-bio", "tail", author_bio, reads="authors"),
    _rule("contact", "author-bio", "tail middle", contact),
    _rule("imprint", "imprint", "tail", imprint),
    _rule("copyright", "copyright", "tail middle", copyright_line),
    _rule("advertisement", "advertisement", "head tail middle", advertisement),
    _rule("embed", "embed", "head tail middle", embed),
    _rule("read-more", "related-links", "tail middle", read_more),
    _rule("title", "title", "head", title, reads="found after"),
    _rule("caption", "caption", "head middle", caption, reads="found"),
    _rule("description", "description", "head", description, reads="found after"),
    _run("related-block", "related-links", "tail", _related_block),
    _run("bulleted-teasers", "related-links", "tail", _bulleted_teasers),
    _run("excerpt-run", "related-links", "tail", _excerpts),
    _run("press-boilerplate", "press-boilerplate", "tail", _press_close),
    _run("related-block-middle", "related-links", "middle", _middle_related),
)

#: What the block model labels when no rule names a block, and what site templates label.
MODEL_KIND = "boilerplate"
TEMPLATE_KIND = "template"

#: Every kind a block may be labelled with: the rules', the model's and the site templates'.
KINDS: frozenset[str] = frozenset(r.kind for r in RULES) | {MODEL_KIND, TEMPLATE_KIND}


@functools.cache
def rules_for(zone: str) -> tuple[Rule, ...]:
    """The block rules that may claim in ``zone``, in order."""
    return tuple(r for r in RULES if zone in r.zones and not r.is_run)


@functools.cache
def runs_for(zone: str) -> tuple[Rule, ...]:
    """The run detectors tried in ``zone``, in order."""
    return tuple(r for r in RULES if zone in r.zones and r.is_run)


def check_kinds(kinds: Iterable[str]) -> frozenset[str]:
    """``kinds`` as a set, when every one is a kind of :data:`KINDS`; a :class:`ConfigError` otherwise."""
    from cleaner.config import ConfigError

    chosen = frozenset(kinds)
    for kind in sorted(chosen - KINDS):
        close = difflib.get_close_matches(kind, sorted(KINDS), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(f"unknown kind {kind!r}{hint}")
    return chosen
