"""The one table that decides: every row that may keep or label a block, the kind it names, where, and in what order.

:data:`ROWS` holds everything that may label a block, and so every reason a
block can be removed (or kept against a rule):

- ``rule`` rows: pure functions ``(text, context) -> Claim | None`` that name one kind
  of chrome, asked in the zones they list (the head, read from the top; the
  tail, read from the bottom; the middle), in the table's order: the first
  that claims a block names its kind;
- ``run`` rows: detectors over several blocks at once, ``(texts, at) -> Run | None``;
  in the tail ``at`` is where the run must end (it closes the text), in the
  middle where it must start;
- ``model`` rows: the block model (:mod:`cleaner.strip.model`) drops a block no
  rule names when its probability of being prose is below its threshold
  (``block-model``; on a page, a row per container gives the dropped block that
  container's kind), keeps it otherwise (``kept``), and vetoes a rule's claim on a
  block it is sure is prose (``model-veto``); a title claim followed by another
  block that could be the title is undone (``title-pair``);
- ``page`` and ``template`` rows: what a page says of its blocks (its title, its
  tags) and a corpus's site templates, each applied by a step of its own.

Everything else is derived from it: which rules the head, the tail and the
middle ask (:func:`rules_for`, :func:`runs_for`), the kinds ``keep`` may name
(:data:`KINDS`, checked by :func:`check_kinds`), the kind a page's container
gives a block the model drops (:func:`container_kind`), the README's table
(:func:`markdown`) and the tests' list of classifiers.  Each decided block
carries the name of the row that decided it (:class:`cleaner.document.Why`).

>>> [r.name for r in rules_for("middle")][:3]
['cookie-notice', 'markup', 'contributors']
>>> "byline" in KINDS and "boilerplate" in KINDS
True
>>> check_kinds(["byline", "captoin"])
Traceback (most recent call last):
...
cleaner.errors.ConfigError: unknown kind 'captoin' (did you mean 'caption'?)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from cleaner.document import CONTAINER, NAMED, Fact, PageSignals
from cleaner.errors import ConfigError, did_you_mean
from cleaner.lexicon import words
from cleaner.strip.byline import author_bio, byline
from cleaner.strip.claims import Classifier, Context, Gate, Scan
from cleaner.strip.company import WINDOW as PRESS_WINDOW
from cleaner.strip.company import imprint, press_boilerplate
from cleaner.strip.dateline import could_be_dateline, dateline
from cleaner.strip.footer import (
    affiliate,
    comments,
    contact,
    contributors,
    could_be_contact,
    markup,
    reading_time,
    tags,
)
from cleaner.strip.header import could_be_heading, description, navigation, section_label, title
from cleaner.strip.legal import cookie_notice, copyright_line
from cleaner.strip.media import advertisement, caption, embed, photo_credit
from cleaner.strip.page import TAGS_RULE, TITLE_RULE
from cleaner.strip.related import (
    EXCERPT_WINDOW,
    bullet_teasers,
    excerpt_run,
    middle_group,
    read_more,
    related_end,
    related_group,
)
from cleaner.strip.related import WINDOW as RELATED_WINDOW
from cleaner.strip.social import could_be_social, newsletter, social
from cleaner.strip.templates import KIND as TEMPLATE_KIND
from cleaner.strip.templates import RULE as TEMPLATE_RULE
from cleaner.strip.timestamp import long_labels, timestamp

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
    #: The name of the registry row whose detector found it, set when the registry asks it.
    row: str = ""


Detector = Callable[[Sequence[str], int], "Run | None"]


#: Who decides by a row.
SOURCES = ("rule", "run", "model", "page", "template")


@dataclass(frozen=True)
class Rule:
    """A row of the table: a block rule (``classify``), a run detector (``detect``), or a row of the model,
    of a page's own markup or of site templates (``source``), which the chain applies itself."""

    name: str
    kind: str
    zones: frozenset[str]
    classify: Classifier | None = None
    detect: Detector | None = None
    #: What a block rule reads of its context beyond its zone ("found", "after", "before", "authors").
    #: A rule that reads nothing else is asked once per block and zone.
    reads: frozenset[str] = frozenset()
    source: str = "rule"
    #: For a ``model`` row that names the kind of a page's container: ``("in", tag)`` or ``("named", family)``
    #: (see :class:`cleaner.document.PageSignals`).
    container: tuple[str, str] | None = None
    #: What the row names, in a line (a rule's is the first line of its function's docstring).
    summary: str = ""
    #: When the rule is worth asking (see :class:`cleaner.strip.claims.Gate`).  ``None``: always.  A run
    #: detector's gate is asked of the block its run starts with, in the middle; in the tail, of the blocks
    #: within ``reach`` above the end of the run, one of which at least must pass it.
    gate: Gate | None = None
    reach: int = 1

    @property
    def is_run(self) -> bool:
        return self.detect is not None

    @property
    def what(self) -> str:
        """What the row names, in a line."""
        function = self.classify or self.detect
        doc = (function.__doc__ or "").strip().split("\n")[0] if function is not None else ""
        return self.summary or doc


def _rule(name: str, kind: str, zones: str, classify: Classifier, reads: str = "", gate: Gate | None = None) -> Rule:
    return Rule(name, kind, frozenset(zones.split()), classify=classify, reads=frozenset(reads.split()), gate=gate)


def _run(name: str, kind: str, zones: str, detect: Detector, gate: Gate | None = None, reach: int = 1) -> Rule:
    return Rule(name, kind, frozenset(zones.split()), detect=detect, source="run", gate=gate, reach=reach)


_DIGIT = re.compile(r"\d")


def _has_digit(text: str, ctx: Context, scan: Scan) -> bool:
    return _DIGIT.search(text) is not None


def _after_a_tags_header(text: str, ctx: Context, scan: Scan) -> bool:
    return bool(ctx.before)


def _under_the_title(text: str, ctx: Context, scan: Scan) -> bool:
    return ctx.where == HEAD and "title" in ctx.found


def _words_of(*keys: str) -> Callable[[], tuple[str, ...]]:
    """The words of ``keys``, every language's, read when a gate first asks for them.

    >>> "nieuwsbrief" in _words_of("newsletter_names")()
    True
    """
    return lambda: tuple(w for key in keys for w in words(key))


def _row(name: str, kind: str, source: str, summary: str, container: tuple[str, str] | None = None) -> Rule:
    return Rule(name, kind, frozenset(ZONES), source=source, container=container, summary=summary)


def _container(where: str, name: str, kind: str) -> Rule:
    place = f"in a `{name}` element" if where == "in" else f"under a class or id of the `{name}` family"
    summary = f"a block the model drops {place}, on a page"
    return _row(f"{where}-{name}", kind, "model", summary, (where, name))


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


#: The rules and run detectors, in the order they are asked: the first rule to claim a block names its kind.
RULES: tuple[Rule, ...] = (
    _rule("cookie-notice", "cookie-notice", "head tail middle", cookie_notice, gate=Gate(lists=("cookies",))),
    _rule("markup", "markup", "head tail middle", markup),
    _rule("affiliate-notice", "affiliate-notice", "tail", affiliate, gate=Gate(lists=("affiliate",))),
    _rule("comments", "comments", "tail", comments, gate=Gate(lists=("comments",))),
    _rule(
        "tags",
        "tags",
        "tail",
        tags,
        reads="before",
        gate=Gate(lists=("tags",), test=_after_a_tags_header, contextual=True),
    ),
    _rule("contributors", "contributors", "tail middle", contributors, gate=Gate(lists=("contributors",))),
    _rule("related-header", "related-links", "tail", related_end, gate=Gate(lists=("related",))),
    # A date or a time has a digit; "3 hours ago", "just now" and a lone label have their words.
    _rule(
        "timestamp", "timestamp", "head tail", timestamp, gate=Gate(lists=("ago",), parts=long_labels, test=_has_digit)
    ),
    _rule("reading-time", "reading-time", "head tail", reading_time, gate=Gate(test=_has_digit)),
    _rule("navigation", "navigation", "head tail", navigation, gate=Gate(lists=("navigation",), chars=">»›/|:→")),
    _rule("section-label", "section-label", "head", section_label, gate=Gate(lists=("sections",))),
    _rule("byline", "byline", "head tail", byline, gate=Gate(lists=("byline", "roles"))),
    _rule(
        "photo-credit",
        "photo-credit",
        "head tail middle",
        photo_credit,
        gate=Gate(lists=("credit",), parts=("(c)", "copyright"), chars="©"),
    ),
    _rule("dateline", "dateline", "head", dateline, gate=Gate(test=could_be_dateline)),
    _rule("social", "social", "head tail middle", social, gate=Gate(lists=("follow", "social"), test=could_be_social)),
    _rule(
        "newsletter",
        "newsletter",
        "head tail middle",
        newsletter,
        gate=Gate(
            lists=("newsletter_status", "offer_cta", "newsletter", "newsletter_cues"),
            parts=_words_of("newsletter_names"),
        ),
    ),
    _rule("author-bio", "author-bio", "tail", author_bio, reads="authors", gate=Gate(lists=("bio",))),
    _rule("contact", "author-bio", "tail middle", contact, gate=Gate(reads=("contact",), test=could_be_contact)),
    _rule("imprint", "imprint", "tail", imprint, gate=Gate(lists=("registry", "po_box"))),
    _rule(
        "copyright",
        "copyright",
        "tail middle",
        copyright_line,
        gate=Gate(lists=("copyright", "legal_links"), parts=("(c)", "copyright"), chars="©"),
    ),
    _rule("advertisement", "advertisement", "head tail middle", advertisement, gate=Gate(lists=("advertisement",))),
    _rule(
        "embed",
        "embed",
        "head tail middle",
        embed,
        gate=Gate(lists=("media_notices",), parts=_words_of("click_here"), test=_has_digit),
    ),
    _rule(
        "read-more",
        "related-links",
        "tail middle",
        read_more,
        gate=Gate(lists=("related",), parts=_words_of("related_site")),
    ),
    _rule("title", "title", "head", title, reads="found after", gate=Gate(test=could_be_heading)),
    _rule(
        "caption",
        "caption",
        "head middle",
        caption,
        reads="found",
        gate=Gate(
            lists=("caption_markers",),
            parts=_words_of("toggle_less", "toggle_more"),
            chars="([|",
            test=_under_the_title,
            contextual=True,
        ),
    ),
    _rule("description", "description", "head", description, reads="found after", gate=Gate(test=could_be_heading)),
    # The header of a related-links block stands within its window above the end (related.WINDOW).
    _run("related-block", "related-links", "tail", _related_block, Gate(lists=("related",)), RELATED_WINDOW + 1),
    # The last block is a bulleted headline, or one under a kicker ("Opinion | …").
    _run("bulleted-teasers", "related-links", "tail", _bulleted_teasers, Gate(chars="-•*–|"), 1),
    # A summary cut off mid-sentence stands within the window (related.EXCERPT_WINDOW).
    _run("excerpt-run", "related-links", "tail", _excerpts, Gate(parts=("...",), chars="…"), EXCERPT_WINDOW + 1),
    # A press header, an "About ACME" header or "ACME is a leading …" within the window (company.WINDOW).
    _run(
        "press-boilerplate",
        "press-boilerplate",
        "tail",
        _press_close,
        Gate(lists=("press_headers", "press_about", "press_openers")),
        PRESS_WINDOW + 1,
    ),
    _run("related-block-middle", "related-links", "middle", _middle_related, gate=Gate(lists=("related",))),
)

#: What the block model labels when no rule names a block.
MODEL_KIND = "boilerplate"

#: The rows of the block model: what it drops (on a page, the first container row that holds the block
#: gives its kind), what it keeps, and how it overrules a rule.
MODEL_ROWS: tuple[Rule, ...] = (
    _row(
        "block-model",
        MODEL_KIND,
        "model",
        "a block no rule names whose probability of being prose is below its threshold",
    ),
    _container("named", "hidden", MODEL_KIND),
    _container("named", "comment", "comments"),
    _container("named", "social", "social"),
    _container("named", "newsletter", "newsletter"),
    _container("named", "ad", "advertisement"),
    _container("named", "related", "related-links"),
    _container("in", "nav", "navigation"),
    _container("named", "menu", "navigation"),
    _container("in", "footer", "navigation"),
    _container("in", "aside", "related-links"),
    _container("named", "media", "caption"),
    _row("kept", "body", "model", "a block no rule names whose probability of being prose is at least its threshold"),
    _row(
        "model-veto",
        "body",
        "model",
        "a block a rule claims, kept: its probability is at least the veto, and it reads as a sentence "
        "(or, on a page, trafilatura's standard mode keeps it)",
    ),
    _row("title-pair", "body", "model", "a title claim undone: the next block could be the title too (a subheading)"),
)
#: The rows the chain applies in steps of their own, from a page's markup and a corpus's templates.
STEP_ROWS: tuple[Rule, ...] = (
    _row(TITLE_RULE, "title", "page", "the first block that repeats the title the page declares (step label_title)"),
    _row(TAGS_RULE, "navigation", "page", "a line listing the page's own tags or categories (step label_tags)"),
    _row(
        TEMPLATE_RULE,
        TEMPLATE_KIND,
        "template",
        "a line its site repeats in template-min-docs of the documents cleaned together (step strip_templates)",
    ),
)
#: The whole table.
ROWS: tuple[Rule, ...] = RULES + MODEL_ROWS + STEP_ROWS

#: Every kind a block may be labelled with.
KINDS: frozenset[str] = frozenset(r.kind for r in ROWS) - {"body"}


@functools.cache
def rules_for(zone: str) -> tuple[Rule, ...]:
    """The block rules that may claim in ``zone``, in order."""
    return tuple(r for r in RULES if zone in r.zones and not r.is_run)


@functools.cache
def runs_for(zone: str) -> tuple[Rule, ...]:
    """The run detectors tried in ``zone``, in order."""
    return tuple(r for r in RULES if zone in r.zones and r.is_run)


def container_kind(page: PageSignals | None) -> tuple[str, str | None]:
    """The kind of a block the model drops, and the name of the container row that gives it (``None`` when none does).

    >>> from cleaner.document import CONTAINER, NAMED
    >>> container_kind(PageSignals("a", within=CONTAINER["nav"])), container_kind(PageSignals("p", named=NAMED["social"]))
    (('navigation', 'in-nav'), ('social', 'named-social'))
    >>> container_kind(None), container_kind(PageSignals("p", hidden=True))
    (('boilerplate', None), ('boilerplate', None))
    """
    if page is None or page.hidden:
        return MODEL_KIND, None
    for row in _CONTAINER_ROWS:
        assert row.container is not None
        where, name = row.container
        if (page.named & NAMED[name]) if where == "named" else (page.within & CONTAINER[name]):
            return row.kind, row.name
    return MODEL_KIND, None


_CONTAINER_ROWS = tuple(r for r in MODEL_ROWS if r.container is not None)


def escape_cell(text: str) -> str:
    """``text`` for a cell of a Markdown table: ``|`` escaped, and ``[`` and ``]`` outside code spans, which a
    renderer would otherwise read as a link by reference (``NAME[, role]``).

    >>> print(escape_cell("By NAME[, role] | `a[0]`"))
    By NAME\\[, role\\] \\| `a[0]`
    """
    parts = text.split("`")
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("[", "\\[").replace("]", "\\]")
    return "`".join(parts).replace("|", "\\|")


def markdown() -> str:
    """The table as Markdown, for the README: each row's name, kind, source, zones and what it names.

    >>> print(markdown().splitlines()[2])
    | `cookie-notice` | `cookie-notice` | rule | head, tail, middle | Claim a cookie or consent notice ("We use cookies to …", "This website uses cookies. By continuing …"). |
    """
    lines = ["| row | kind | source | zones | what it names |", "| --- | --- | --- | --- | --- |"]
    for row in ROWS:
        zones = ", ".join(z for z in ZONES if z in row.zones) if row.source in ("rule", "run") else "-"
        what = escape_cell(row.what)
        lines.append(f"| `{row.name}` | `{row.kind}` | {row.source} | {zones} | {what} |")
    return "\n".join(lines)


def check_kinds(kinds: Iterable[str]) -> frozenset[str]:
    """``kinds`` as a set, when every one is a kind of :data:`KINDS`; a :class:`ConfigError` otherwise."""
    chosen = frozenset(kinds)
    for kind in sorted(chosen - KINDS):
        raise ConfigError(f"unknown kind {kind!r}{did_you_mean(kind, KINDS)}")
    return chosen

