"""Asking the rules of the table about one document's blocks, each question asked once.

An :class:`Asker` lives as long as the chrome step works on one document, over
all its rounds.  For each text it keeps:

- what the rules' gates read of it (:meth:`GateTable.scan`), found once;
- which rules its gates admit (:func:`gates`): a rule whose gate the text fails
  could not claim it and is not asked;
- the claim of each rule that reads nothing but the text, per zone: asked again
  in a later round, it gives the same answer.

So a block costs one scan of its text, and each rule that may claim it one call.

>>> Asker().first_claim("* Privacy Policy", Context("tail"), rules_for("tail")).kind
'copyright'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from cleaner.lexicon import built, cached
from cleaner.strip.claims import Claim, Context, Scan
from cleaner.strip.features import featurize
from cleaner.strip.phrases import Phrases
from cleaner.strip.registry import RULES, Rule, rules_for

#: Rules are not asked about a block longer than this: no line of chrome is, and long blocks are prose (or junk).
RULE_CHARS = 5000
#: A list marker opening a line of a text dump: "* Home", "+ Contact us", "o Sports", "• World".
_LIST_MARK = re.compile(r"^(?:[*+•·▪►]|o(?=\s))\s+")


class GateTable:
    """The gates of the rules, as bits: which rules a text's gates admit, found in one pass over its word lists.

    A gate's word lists, and its parts of words (as lists of their own), are phrases of one automaton
    (:class:`cleaner.strip.phrases.Phrases`); its characters are one character class; only its test
    is asked as a function, and only of a text no other part of the gate admitted.

    >>> gates = GateTable(RULES)
    >>> bit = gates.bits["cookie-notice"]
    >>> bool(gates.admitted("We use cookies", gates.scan("We use cookies")) & bit)
    True
    >>> bool(gates.admitted("The council met.", gates.scan("The council met.")) & bit)
    False
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.bits = {rule.name: 1 << i for i, rule in enumerate(rules)}
        self.always = 0
        self.by_list: dict[str, int] = {}
        chars: dict[frozenset[str], int] = {}
        tests: dict[Callable[[str, Context, Scan], bool], int] = {}
        parts: dict[str, Sequence[str]] = {}
        for rule in rules:
            bit, gate = self.bits[rule.name], rule.gate
            if gate is None or gate.contextual:
                self.always |= bit  # a contextual gate is asked in each context
                continue
            for key in (*gate.lists, f"parts of {rule.name}" if gate.parts else None):
                if key is not None:
                    self.by_list[key] = self.by_list.get(key, 0) | bit
            if gate.parts:
                parts[f"parts of {rule.name}"] = gate.phrases
            if gate.chars:
                chars[frozenset(gate.chars)] = chars.get(frozenset(gate.chars), 0) | bit
            if gate.test is not None:
                tests[gate.test] = tests.get(gate.test, 0) | bit
        keys = sorted({key for rule in rules if rule.gate is not None for key in (*rule.gate.lists, *rule.gate.reads)})
        self.phrases = Phrases(keys, parts)
        self.chars = tuple(chars.items())  # each set of characters, and the bits of the gates it opens
        self.tests = tuple(tests.items())  # each test, asked once, and the bits of the gates it opens
        self._worth: dict[tuple[int, int], tuple[Rule, ...]] = {}
        self._held: dict[int, Sequence[Rule]] = {}

    def scan(self, text: str) -> Scan | None:
        """What the gates read of ``text`` (``None`` when the text is one they cannot read: ask every rule).

        >>> sorted(gates().scan("Follow us on Twitter").lists)[:3], gates().scan("two  spaces") is None
        (['follow', 'sections', 'social'], True)
        """
        lowered = self.phrases.lowered(text)
        return None if lowered is None else Scan(lowered, self.phrases.present(lowered))

    def worth_asking(self, rules: Sequence[Rule], mask: int) -> tuple[Rule, ...]:
        """The rules of ``rules`` (in order) that the gates' bits ``mask`` admit (kept for each set of bits met)."""
        key = (id(rules), mask)
        found = self._worth.get(key)
        if found is None:
            found = self._worth[key] = tuple(r for r in rules if mask & self.bits.get(r.name, -1))
            self._held[id(rules)] = rules  # the rules stay alive while their id is a key
        return found

    def admitted(self, text: str, seen: Scan | None) -> int:
        """The bits of the rules worth asking of ``text`` (every rule when its scan is ``None``)."""
        if seen is None:
            return -1
        mask = self.always
        for key in seen.lists:
            mask |= self.by_list.get(key, 0)
        present = frozenset(text)
        for chars, bits in self.chars:
            if bits & ~mask and not present.isdisjoint(chars):
                mask |= bits
        for test, bits in self.tests:
            if bits & ~mask and test(text, _ANY, seen):
                mask |= bits
        return mask


_ANY = Context()


@cached()
def gates() -> GateTable:
    """The gates of every rule of the table, built from the words in force (see :func:`cleaner.lexicon.cached`)."""
    return GateTable(RULES)


@dataclasses.dataclass
class Asker:
    """What the rules have been asked of the texts of one document, and what they answered."""

    gates: GateTable = dataclasses.field(default_factory=lambda: gates())
    scans: dict[str, Scan | None] = dataclasses.field(default_factory=dict)
    masks: dict[str, int] = dataclasses.field(default_factory=dict)
    claims: dict[tuple[str, str, str], Claim | None] = dataclasses.field(default_factory=dict)
    zone_claims: dict[tuple[str, str], Claim | None] = dataclasses.field(default_factory=dict)

    def scan(self, text: str) -> Scan | None:
        """What the gates read of ``text``."""
        if text not in self.scans:
            self.scans[text] = self.gates.scan(text)
        return self.scans[text]

    def admits(self, rule: Rule, text: str, ctx: Context) -> bool:
        """Whether ``rule`` is worth asking of ``text`` in ``ctx``."""
        if not self._mask(text) & self.gates.bits[rule.name]:
            return False
        return self._contextual(rule, text, ctx)

    def bit(self, rule: Rule) -> int:
        """The bit of ``rule`` in the masks."""
        return self.gates.bits[rule.name]

    def mask(self, text: str) -> int:
        """The bits of the rules the gates of ``text`` admit, whatever the context."""
        return self._mask(text)

    def _mask(self, text: str) -> int:
        mask = self.masks.get(text)
        if mask is None:
            mask = self.masks[text] = self.gates.admitted(text, self.scan(text))
        return mask

    def _contextual(self, rule: Rule, text: str, ctx: Context) -> bool:
        """Whether a rule whose gate reads the context admits ``text`` in ``ctx`` (any other rule: yes)."""
        gate = rule.gate
        if gate is not None and gate.contextual:
            seen = self.scan(text)
            return seen is None or gate.admits(text, ctx, seen)
        return True

    def first_claim(self, text: str, ctx: Context, rules: Sequence[Rule]) -> Claim | None:
        """The claim of the first rule that claims ``text`` in ``ctx``'s zone.

        A line under a list marker ("* Contact us") is asked about again without the
        marker, for a claim of the whole line only.
        """
        claim = self._ask(text, ctx, rules)
        if claim is not None:
            return claim
        bare = _LIST_MARK.sub("", text, count=1)
        if bare != text and bare.strip():
            claim = self._ask(bare, ctx, rules)
            if claim is not None and claim.end is None:
                return claim
        return None

    def zone_claim(self, text: str, ctx: Context, rules: Sequence[Rule]) -> Claim | None:
        """:meth:`first_claim` in a context that holds nothing but its zone (the middle's), asked once per text.

        Such a context gives every rule the same answer in every round, so the first claim of a
        text is kept; ``rules`` must be the same for a zone over the asker's life (one chain's).

        >>> asker = Asker()
        >>> asker.zone_claim("Advertisement", Context("middle"), rules_for("middle")).kind
        'advertisement'
        >>> asker.zone_claims[("middle", "Advertisement")].kind
        'advertisement'
        """
        if ctx.found or ctx.authors or ctx.after or ctx.before:
            raise ValueError(f"zone_claim takes a context with nothing but its zone, not {ctx!r}")
        key = (ctx.where, text)
        if key in self.zone_claims:
            return self.zone_claims[key]
        claim = self.zone_claims[key] = self.first_claim(text, ctx, rules)
        return claim

    def _ask(self, text: str, ctx: Context, rules: Sequence[Rule]) -> Claim | None:
        if len(text) > RULE_CHARS:
            return None
        for rule in self.gates.worth_asking(rules, self._mask(text)):
            if rule.gate is not None and rule.gate.contextual and not self._contextual(rule, text, ctx):
                continue
            classify = rule.classify
            assert classify is not None
            if rule.reads:
                claim = _signed(classify(text, ctx), rule)
            else:
                key = (rule.name, ctx.where, text)
                if key in self.claims:
                    claim = self.claims[key]
                else:
                    claim = self.claims[key] = _signed(classify(text, ctx), rule)
            if claim is not None:
                return claim
        return None


def first_claim(text: str, ctx: Context, rules: Sequence[Rule] | None = None) -> Claim | None:
    """The claim of the first rule of ``ctx``'s zone (or of ``rules``) that claims ``text``.

    >>> first_claim("Follow us on Twitter @AzerNewsAz", Context("tail")).rule
    'share-bar'
    """
    return Asker().first_claim(text, ctx, rules_for(ctx.where) if rules is None else rules)


def _signed(claim: Claim | None, rule: Rule) -> Claim | None:
    """A rule's claim, with the name of its row."""
    return None if claim is None else dataclasses.replace(claim, row=rule.name)


#: Lines that :func:`prepare` asks every row about: a line of each common shape of chrome and of prose.
PROBES: tuple[str, ...] = (
    "Talks go on in Brussels",
    "By Jane Doe and John Smith, Reuters",
    "Updated: May 5, 2019 10:51 am ET",
    "BRUSSELS, May 25 (Reuters) - Talks went on late into the night, officials said on Tuesday.",
    "BRUSSELS, May 25, 2019 /PRNewswire/ - Example Corp today announced a new product in a press release.",
    "Photo: Jane Doe/Reuters",
    "Follow us on Twitter and Facebook",
    "Sign up for our newsletter",
    "More from World",
    "Read more: Talks go on in Brussels",
    "© 2019 Example Media. All rights reserved.",
    "Home | News | World | Sport",
    "We use cookies to improve your experience.",
    "Leave a comment",
    "5 min read",
    "Tags: politics, europe",
    "Advertisement",
    "Jane Doe is a reporter who covers Europe for the paper.",
    "About Example Corp",
    "Example Corp is a company based in Brussels. For more information, visit www.example.com.",
    "Get our free newsletter and exclusive offers",
    "• Ten Things To Know About The Talks",
    "Additional reporting by Jane Doe; Editing by John Smith",
    "12 Comments",
    "Contact: jane.doe@example.com, +1 555 0100",
    "<div class=\"ad\"></div> .ad { display: none; }",
    "- landscape-tablet-and-above",
    "12 issues for $9.99. Subscribe now and cancel anytime.",
    "Comments are moderated: please keep them civil and on topic.",
)


def prepare() -> None:
    """Ask every row of the table about each of :data:`PROBES` in each of its zones, unguarded by gates, and
    compute their block features, and call every argument-free builder of the rules' modules
    (:func:`cleaner.lexicon.built`): what the rules and the features build on first use (compiled patterns,
    word lists, the gates) is then built.

    A process that cleans many documents builds these once in any case; this builds them before the
    first document, so that the command's workers share them (:mod:`cleaner.cli.warm`) and a benchmark
    of a first pass times the cleaning, not the building.  It changes no result.
    """
    texts = list(PROBES)
    featurize(texts)
    built(lambda module: module.startswith("cleaner.strip.") or module == "cleaner.names")
    for rule in RULES:
        for zone in sorted(rule.zones):
            if rule.classify is not None:
                for at, text in enumerate(texts):
                    ctx = Context(zone, after=tuple(texts[at + 1 :]), before=tuple(reversed(texts[:at])))
                    rule.classify(text, ctx)
            elif rule.detect is not None:
                for at in range(len(texts)):
                    rule.detect(texts, at)
