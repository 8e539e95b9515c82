#!/usr/bin/env python3
"""Measure typo repair: inject typos into the bench gold texts, see what comes back.

Two kinds of typo are injected, with a fixed seed, at most one per paragraph:

- **names**: two different neighbouring letters swapped anywhere in a name or
  acronym that the article repeats (four or more times, always capitalised, at
  least once in mid-sentence), in one of its occurrences; swapping the first
  two moves the capital ("German" -> "eGrman");
- **misspellings**: a word of the article replaced, in one occurrence, by a
  common English misspelling of it, from :data:`MISSPELLINGS` below.

:data:`MISSPELLINGS` was written by hand for this script, from common
misspellings of English; it is not read from, generated from or checked
against the fixer's list (``cleaner/data/typos/``), so the bench measures how
well that list covers misspellings met in the wild rather than the list
against itself.  (The script reports how many of these pairs the fixer's list
happens to hold, for information only.)

The gold texts go through the typo step alone (paragraphs as blocks, language
detected), once as they are and once with typos injected:

- **recall**: share of injected typos fixed back exactly (same place, same word);
- **precision**: share of fixes on the injected texts that undo an injected
  typo or fix a real typo of the gold (see :func:`real_typos`);
- **false fixes per 10,000 words** on the untouched gold texts (each one
  listed), the fixes of real typos of the gold apart (listed for review).

Each set named with ``--set`` is measured with every seed of ``--seeds``
(0, 1 and 2 by default).

    python scripts/bench_typos.py --set scrapinghub --set wcxb-dev
    python scripts/bench_typos.py --set wcxb-dev --seeds 1 --show 20
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.document import Document, Fix  # noqa: E402
from cleaner.fix.typos import fix_typos  # noqa: E402
from cleaner.meta.language import detect_language  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
REAL_TYPOS = Path(__file__).resolve().with_name("real-typos.tsv")

#: Correct word -> a common misspelling of it (hand-written for this bench).
MISSPELLINGS = {
    "absence": "absense",
    "accept": "acept",
    "accidentally": "accidentaly",
    "accommodate": "accomodate",
    "achieve": "acheive",
    "acquire": "aquire",
    "across": "accross",
    "actually": "actualy",
    "address": "adress",
    "advertisement": "advertisment",
    "aggressive": "agressive",
    "almost": "allmost",
    "already": "allready",
    "although": "altough",
    "apparently": "apparantly",
    "appearance": "appearence",
    "argument": "arguement",
    "assassination": "assasination",
    "basically": "basicly",
    "beautiful": "beatiful",
    "before": "befor",
    "beginning": "begining",
    "believe": "beleive",
    "between": "betwen",
    "business": "buisness",
    "calendar": "calender",
    "campaign": "campaing",
    "category": "catagory",
    "colleague": "collegue",
    "coming": "comming",
    "commitment": "commitment",
    "committee": "comittee",
    "completely": "completly",
    "conscious": "concious",
    "controversial": "controversal",
    "definitely": "definately",
    "description": "discription",
    "develop": "develope",
    "difference": "diffrence",
    "disappear": "dissapear",
    "disappoint": "dissapoint",
    "economic": "economic",
    "embarrass": "embarass",
    "environment": "enviroment",
    "especially": "especialy",
    "exaggerate": "exagerate",
    "existence": "existance",
    "experience": "experiance",
    "familiar": "familar",
    "finally": "finaly",
    "foreign": "foriegn",
    "forward": "foward",
    "friend": "freind",
    "government": "goverment",
    "guarantee": "garantee",
    "happened": "happend",
    "harass": "harrass",
    "height": "heigth",
    "immediately": "immediatly",
    "incident": "incidant",
    "independent": "independant",
    "interesting": "intresting",
    "interrupt": "interupt",
    "knowledge": "knowlege",
    "library": "libary",
    "license": "lisence",
    "maintenance": "maintainance",
    "millennium": "millenium",
    "minuscule": "miniscule",
    "necessary": "neccessary",
    "neighbour": "nieghbour",
    "noticeable": "noticable",
    "occasion": "occassion",
    "occurred": "occured",
    "occurrence": "occurence",
    "official": "offical",
    "opportunity": "oppurtunity",
    "parliament": "parliment",
    "particular": "particlar",
    "people": "poeple",
    "perhaps": "perhpas",
    "persistent": "persistant",
    "politician": "politican",
    "possession": "posession",
    "possible": "possable",
    "potatoes": "potatos",
    "preferred": "prefered",
    "presence": "presense",
    "probably": "probaly",
    "problem": "probelm",
    "professor": "proffesor",
    "publicly": "publically",
    "really": "realy",
    "receive": "recieve",
    "recommend": "reccommend",
    "reference": "refrence",
    "relevant": "relevent",
    "religious": "religous",
    "remember": "rember",
    "restaurant": "restaraunt",
    "rhythm": "rythm",
    "schedule": "schedual",
    "secretary": "secratary",
    "separate": "seperate",
    "similar": "similiar",
    "sincerely": "sincerly",
    "successful": "succesful",
    "supersede": "supercede",
    "surprise": "suprise",
    "technology": "tecnology",
    "temperature": "temprature",
    "threshold": "threshhold",
    "tomorrow": "tommorow",
    "tongue": "tounge",
    "truly": "truely",
    "twelfth": "twelth",
    "until": "untill",
    "unfortunately": "unfortunatly",
    "vacuum": "vacume",
    "weird": "wierd",
    "whether": "wether",
    "which": "whcih",
    "without": "withuot",
    "writing": "writting",
    "their": "thier",
    "because": "becuase",
    "through": "throught",
    "thought": "thougth",
    "something": "somthing",
    "different": "diffrent",
    "important": "importent",
    "company": "compnay",
    "country": "contry",
    "community": "comunity",
    "million": "milion",
    "statement": "statment",
    "decision": "desicion",
    "president": "presidnet",
    "minister": "minsiter",
    "security": "securty",
    "national": "natinal",
    "according": "acording",
    "another": "anohter",
    "however": "howver",
    "several": "severel",
    "since": "sinse",
    "always": "allways",
    "would": "woudl",
    "could": "coudl",
    "should": "shoudl",
    "years": "yeras",
    "still": "stil",
    "while": "wihle",
    "where": "wehre",
}
MISSPELLINGS = {k: v for k, v in MISSPELLINGS.items() if k != v}

WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")


@dataclass(frozen=True)
class Injected:
    """One typo put into a document: where, what it was, what it became."""

    doc: str
    block: int
    offset: int
    original: str
    typo: str
    kind: str


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def run(blocks: list[str]) -> Document:
    """The typo step alone on paragraphs, after language detection."""
    return fix_typos(detect_language(Document.from_blocks(blocks)))


def _mid_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:\"'“‘("


def name_candidates(blocks: list[str]) -> list[tuple[int, int, str]]:
    """Occurrences of names repeated 4+ times, always capitalised, once or more mid-sentence."""
    occurrences: dict[str, list[tuple[int, int]]] = {}
    lower: Counter[str] = Counter()
    mid: set[str] = set()
    for b, text in enumerate(blocks):
        for m in WORD.finditer(text):
            word = m.group(0)
            lower[word.lower()] += word.islower()
            if word[0].isupper() and len(word) >= 4 and (word.isupper() or word[1:].islower()):
                occurrences.setdefault(word, []).append((b, m.start()))
                if _mid_sentence(text, m.start()):
                    mid.add(word)
    return [
        (b, o, w)
        for w, places in sorted(occurrences.items())
        if len(places) >= 4 and lower[w.lower()] == 0 and w in mid
        for b, o in places
    ]


def swap_inside(word: str, rng: random.Random) -> str | None:
    """``word`` with two different neighbouring letters swapped, anywhere, or None.

    Swapping the first two letters of a capitalised name moves the capital
    ("German" -> "eGrman"), as a slip of the shift key's timing does.
    """
    spots = [i for i in range(len(word) - 1) if word[i] != word[i + 1] and word[i].lower() != word[i + 1].lower()]
    if not spots:
        return None
    i = rng.choice(spots)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def inject(
    doc_id: str, blocks: list[str], rng: random.Random, names: int, words: int
) -> tuple[list[str], list[Injected]]:
    """``blocks`` with typos put in (one per block at most), and the record of them."""
    blocks = list(blocks)
    used: set[int] = set()
    done: list[Injected] = []
    seen = {w for text in blocks for w in WORD.findall(text)}

    candidates = name_candidates(blocks)
    rng.shuffle(candidates)
    done += put_in(doc_id, blocks, candidates, used, names, "name", lambda w: swap_inside(w, rng), seen)

    spots = [(b, m.start(), m.group(0)) for b, text in enumerate(blocks) for m in WORD.finditer(text)]
    spots = [(b, o, w) for b, o, w in spots if w in MISSPELLINGS and MISSPELLINGS[w] not in seen]
    rng.shuffle(spots)
    done += put_in(doc_id, blocks, spots, used, words, "misspelling", MISSPELLINGS.get, set())
    return blocks, done


def put_in(
    doc_id: str,
    blocks: list[str],
    spots: list[tuple[int, int, str]],
    used: set[int],
    limit: int,
    kind: str,
    make: Callable[[str], str | None],
    seen: set[str],
) -> list[Injected]:
    """Up to ``limit`` typos made by ``make``, at ``spots`` in order: one per block and per word, none already seen.

    ``blocks`` and ``used`` are updated in place.
    """
    done: list[Injected] = []
    picked: set[str] = set()
    for b, offset, word in spots:
        if len(done) >= limit:
            break
        if b in used or word in picked:
            continue
        typo = make(word)
        if typo is None or typo in seen:
            continue
        blocks[b] = blocks[b][:offset] + typo + blocks[b][offset + len(word) :]
        used.add(b)
        picked.add(word)
        done.append(Injected(doc_id, b, offset, word, typo, kind))
    return done


def _show(fix: Fix, blocks: list[str]) -> str:
    text = blocks[fix.block or 0]
    start = fix.offset or 0
    return f"{fix.before!r} -> {fix.after!r} ({fix.kind}): …{text[max(0, start - 40) : start + 40]}…"


def gold_folder(name: str) -> Path:
    """The gold texts of a bench set, named (``scrapinghub``, ``wcxb-dev``) or given as a folder."""
    path = Path(name)
    if not path.exists():
        path = BENCH / name
    return path / "gold" if (path / "gold").is_dir() else path


def real_typos(path: Path) -> set[tuple[str, str, str]]:
    """The reviewed typos of the gold texts: ``(document, before, after)`` for each one.

    A fix that the typo step makes on an untouched gold text is a false fix,
    unless someone has read the text and found that the gold itself holds
    the typo it corrects: those are listed in ``real-typos.tsv`` beside this
    script (set, document id, the word in the gold, the right word).
    """
    if not path.is_file():
        return set()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and not line.startswith("#"):
            out.add((parts[0] + "/" + parts[1], parts[2], parts[3]))
    return out


@dataclass
class Tally:
    """What one run over one set gave."""

    injected: list[Injected] = field(default_factory=list)
    hits: list[Injected] = field(default_factory=list)
    fixes: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)


def measure_seed(
    docs: list[tuple[str, list[str]]], seed: int, names: int, words: int, real: set[tuple[str, str, str]]
) -> Tally:
    """Inject typos into every document with one seed, run the step, and tally."""
    rng = random.Random(seed)
    tally = Tally()
    for doc_id, blocks in docs:
        typoed, done = inject(doc_id, blocks, rng, names, words)
        tally.injected += done
        result = run(typoed)
        tally.fixes += len(result.fixes)
        expected = {(d.block, d.offset): d for d in done}
        for fix in result.fixes:
            d = expected.get((fix.block, fix.offset))  # type: ignore[arg-type]
            if d is not None and fix.before == d.typo and fix.after == d.original:
                tally.hits.append(d)
                tally.right += 1
            elif (doc_id, fix.before, fix.after) in real:
                tally.right += 1
            else:
                tally.wrong.append(f"{doc_id.split('/')[-1][:12]} {_show(fix, typoed)}")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        help="a bench set, by name (scrapinghub, wcxb-dev) or folder; repeat for several (default: scrapinghub)",
    )
    parser.add_argument(
        "--seeds", type=int, nargs="+", default=[0, 1, 2], help="seeds of the injection (default 0 1 2)"
    )
    parser.add_argument("--names", type=int, default=2, help="name typos per document (default 2)")
    parser.add_argument("--words", type=int, default=2, help="misspellings per document (default 2)")
    parser.add_argument("--show", type=int, default=10, help="list this many misses")
    args = parser.parse_args(argv)
    real = real_typos(REAL_TYPOS)

    for name in args.sets or ["scrapinghub"]:
        folder = gold_folder(name)
        label = folder.parent.name if folder.name == "gold" else folder.name
        files = sorted(folder.glob("*.txt"))
        if not files:
            print(f"{name}: no gold texts (*.txt) found", file=sys.stderr)
            return 2
        docs = [(f"{label}/{path.stem}", paragraphs(path.read_text(encoding="utf-8"))) for path in files]
        n_words = sum(len(WORD.findall(b)) for _, blocks in docs for b in blocks)
        false_fixes: list[str] = []
        reviewed: list[str] = []
        for doc_id, blocks in docs:
            for fix in run(blocks).fixes:
                line = f"{doc_id.split('/')[-1][:12]} {_show(fix, blocks)}"
                (reviewed if (doc_id, fix.before, fix.after) in real else false_fixes).append(line)
        print(f"== {label}: documents {len(files)}, words {n_words}, seeds {' '.join(map(str, args.seeds))}")
        tallies = [measure_seed(docs, seed, args.names, args.words, real) for seed in args.seeds]
        print(f"{'seed':>6} {'names':>14} {'misspellings':>14} {'both':>14} {'precision':>16}")
        for seed, t in zip(args.seeds, tallies, strict=True):
            cells = []
            for kind in ("name", "misspelling", None):
                n = sum(kind in (None, d.kind) for d in t.injected)
                k = sum(kind in (None, d.kind) for d in t.hits)
                cells.append(f"{ratio(k, n)} ({k}/{n})")
            print(
                f"{seed:>6} {cells[0]:>14} {cells[1]:>14} {cells[2]:>14} {ratio(t.right, t.fixes) + f' ({t.right}/{t.fixes})':>16}"
            )
        injected = sum(len(t.injected) for t in tallies)
        hits = sum(len(t.hits) for t in tallies)
        right = sum(t.right for t in tallies)
        fixes = sum(t.fixes for t in tallies)
        print(
            f"{'all':>6} recall {ratio(hits, injected)} ({hits}/{injected}), precision {ratio(right, fixes)} ({right}/{fixes})"
        )
        per = 10000 * len(false_fixes) / n_words if n_words else 0.0
        print(f"false fixes on untouched gold: {len(false_fixes)} ({per:.3f} per 10,000 words)")
        for line in false_fixes:
            print("  " + line)
        if reviewed:
            print(f"fixes of real typos in the gold, counted right (listed in {REAL_TYPOS.name}; review them):")
            for line in reviewed:
                print("  " + line)
        wrong = [line for t in tallies for line in t.wrong]
        if wrong:
            print("fixes on injected texts that undo no injected typo:")
            for line in dict.fromkeys(wrong):
                print("  " + line)
        missed = [d for t in tallies for d in t.injected if d not in t.hits]
        if missed and args.show:
            print(f"missed (first {args.show} of {len(missed)}):")
            for d in missed[: args.show]:
                print(f"  {d.doc.split('/')[-1][:12]} {d.kind}: {d.typo!r} (was {d.original!r})")
    from cleaner.fix.typos.data import misspellings

    known = misspellings("en")
    held = sum(known.get(v) == k for k, v in MISSPELLINGS.items())
    print(f"(for information: the fixer's list holds {held} of the bench's {len(MISSPELLINGS)} pairs)")
    return 0


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


if __name__ == "__main__":
    raise SystemExit(main())
