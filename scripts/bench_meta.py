#!/usr/bin/env python3
"""Measure metadata from HTML: title, authors and date of ``clean_html()`` and of trafilatura, in one run.

Each page of a bench set with a ``meta.jsonl`` (gold ``title``, ``author``,
``publish_date``) goes through ``cleaner.clean_html()`` and through
trafilatura's own metadata (``bare_extraction(with_metadata=True)``), and each
field is scored on the pages whose gold gives it:

- **title**: the same words (lower-cased ``\\w+`` tokens) as the gold, allowing a
  site-name suffix ("Talks go on | Daily News" for "Talks go on", and the other
  way round);
- **author**: every gold name found (the gold's names, split at commas, "and",
  "&" and ";", each of whose words is among the words of the found authors;
  the parts after the first that name a role or a degree rather than a
  person, "Jane Doe, Shipping Expert" or "Jo Roe, MD", are no names);
- **date**: the same calendar day as the gold publish date.

    python scripts/bench_meta.py                       # wcxb-dev, every page
    python scripts/bench_meta.py --limit 100 --show 20 # a quick look, with misses
    python scripts/bench_meta.py --half A              # only the sites of one half (A or B)

The halves split the set by site (a hash of the domain), so rules written while
reading the misses of one half can be measured on the sites of the other.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH = ROOT.parent / "shared" / "bench"
FIELDS = ("title", "author", "date")
WORD = re.compile(r"\w+")
#: What stands between a title and the site's name after it.
SUFFIX = re.compile(r"\s+[|–—·•:-]\s+|\s*[|–—·•]\s*")
NAMES = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)


def half(domain: str) -> str:
    """The half of the set a site is in, "A" or "B", by a hash of its domain.

    >>> half("example.com") in ("A", "B"), half("example.com") == half("example.com")
    (True, True)
    """
    return "AB"[hashlib.md5(domain.encode("utf-8")).digest()[0] % 2]


def words(text: str | None) -> list[str]:
    return WORD.findall((text or "").lower())


def title_right(found: str | None, gold: str) -> bool:
    """The same words, allowing a site-name suffix on either side.

    >>> title_right("Talks go on | Daily News", "Talks go on"), title_right("Talks", "Talks go on")
    (True, False)
    >>> title_right("Talks go on", "Talks go on - Daily"), title_right("Talks: go on", "Talks go on")
    (True, True)
    """
    if not found:
        return False
    a, b = words(found), words(gold)
    if a == b:
        return True
    for long, short in ((found, b), (gold, a)):
        parts = SUFFIX.split(long)
        for cut in range(1, len(parts)):
            if words(" ".join(parts[:cut])) == short and short:
                return True
    return False


#: Words that name a role or a degree, not a person (the gold writes "Jane Doe, Shipping Expert").
ROLES = frozenset(
    [
        "expert",
        "director",
        "editor",
        "writer",
        "dietitian",
        "founder",
        "co-founder",
        "head",
        "officer",
        "manager",
        "specialist",
        "consultant",
        "contributor",
        "reporter",
        "correspondent",
        "analyst",
        "strategist",
        "nutritionist",
        "professor",
        "member",
        "representative",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "president",
        "vice",
        "chief",
        "senior",
        "sr",
        "lead",
        "staff",
        "candidate",
    ]
)
PARTICLES = frozenset(
    [
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "del",
        "della",
        "von",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "bin",
        "al",
        "el",
        "ter",
        "ten",
    ]
)


def gold_names(gold: str) -> list[str]:
    """The names in a gold author string: its first part, then each other part that is a person's name
    (capitalised words, no digits, no degree in capitals, no role).

    >>> gold_names("Jane Doe, Shipping Expert"), gold_names("Doris Roe, MD, FOMA"), gold_names("A. Doe, Jo Roe & Al Poe")
    (['Jane Doe'], ['Doris Roe'], ['A. Doe', 'Jo Roe', 'Al Poe'])
    """
    parts = [p for p in NAMES.split(gold) if words(p)]
    out = parts[:1]
    for part in parts[1:]:
        tokens = part.split()
        lowered = {t.lower().strip(".") for t in tokens}
        person = (
            0 < len(tokens) <= 4
            and not any(c.isdigit() for c in part)
            and not (part.replace(".", "").replace(" ", "").isupper())
            and all(t[:1].isupper() or t.lower() in PARTICLES for t in tokens)
            and lowered.isdisjoint(ROLES)
        )
        if person:
            out.append(part)
    return out


def author_right(found: Iterable[str], gold: str) -> bool:
    """Every gold name is found (see :func:`gold_names`): each of its words is among the found authors' words.

    >>> author_right(["Jane Doe", "John Roe"], "John Roe and Jane Doe"), author_right(["Jane Doe"], "Jane Doe, John Roe")
    (True, False)
    >>> author_right(["Jane Doe"], "Jane Doe, Shipping Expert")
    True
    """
    have = set(words(" ".join(found)))
    names = gold_names(gold)
    return bool(have) and bool(names) and all(set(words(n)) <= have for n in names)


def date_right(found: str | None, gold: str) -> bool:
    """The same calendar day.

    >>> date_right("2024-05-01T10:00:00+02:00", "2024-05-01"), date_right("2024-05-02", "2024-05-01")
    (True, False)
    """
    return bool(found) and str(found)[:10] == gold[:10]


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    seconds: float = 0.0

    def add(self, page: str, gold: dict[str, Any], title: str | None, authors: list[str], date: str | None) -> None:
        checks = {
            "title": (gold.get("title"), title_right, title),
            "author": (gold.get("author"), author_right, authors),
            "date": (gold.get("publish_date"), date_right, date),
        }
        for name, (want, right, got) in checks.items():
            if not want:
                continue
            self.total[name] += 1
            if right(got, want):  # type: ignore[operator]
                self.right[name] += 1
            else:
                self.misses[name].append(f"{page}: {got!r} (gold {want!r})")

    def ratio(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else 0.0


def with_cleaner(html: bytes, url: str | None) -> tuple[str | None, list[str], str | None]:
    import cleaner

    meta = cleaner.clean_html(html, url=url).metadata
    return meta.get("title"), list(meta.get("authors") or []), meta.get("date")


def with_trafilatura(html: bytes, url: str | None) -> tuple[str | None, list[str], str | None]:
    import trafilatura

    from cleaner.io.decode import decode_html

    found = trafilatura.bare_extraction(decode_html(html), url=url, with_metadata=True)
    if found is None:
        return None, [], None
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
    return found.title or None, authors, found.date or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set", dest="bench_set", default="wcxb-dev", help="a bench set with meta.jsonl (default wcxb-dev)"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--show", type=int, default=0, help="list this many misses per field and extractor")
    parser.add_argument("--half", choices=("A", "B"), help="only the sites of one half of the set (by domain hash)")
    parser.add_argument("--dump", type=Path, help="write each page's found fields to this JSONL file")
    parser.add_argument("--only", choices=("cleaner", "trafilatura"), help="run one extractor only")
    args = parser.parse_args(argv)

    folder = Path(args.bench_set) if Path(args.bench_set).is_dir() else BENCH / args.bench_set
    meta_path = folder / "meta.jsonl"
    if not meta_path.is_file():
        print(f"{meta_path}: no meta.jsonl", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in meta_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.half:
        rows = [r for r in rows if half(r.get("domain") or "") == args.half]
    if args.limit:
        rows = rows[: args.limit]
    extractors = {"cleaner.clean_html": with_cleaner, "trafilatura": with_trafilatura}
    if args.only:
        extractors = {k: v for k, v in extractors.items() if k.startswith(args.only)}
    scores = {name: Score() for name in extractors}
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for row in rows:
        html = gzip.decompress((folder / "html" / f"{row['id']}.html.gz").read_bytes())
        for name, extract in extractors.items():
            started = time.perf_counter()
            title, authors, date = extract(html, row.get("url"))
            scores[name].seconds += time.perf_counter() - started
            scores[name].add(row["id"], row, title, authors, date)
            if dump is not None:
                found = {"id": row["id"], "extractor": name, "title": title, "authors": authors, "date": date}
                dump.write(json.dumps(found, ensure_ascii=False) + "\n")
    if dump is not None:
        dump.close()

    first = next(iter(scores.values()))
    label = f"{folder.name} (half {args.half})" if args.half else folder.name
    print(
        f"{label}: {len(rows)} pages; gold title {first.total['title']}, author {first.total['author']}, date {first.total['date']}"
    )
    print("| extractor | title | author | date (same day) | s/page |")
    print("| --- | --- | --- | --- | --- |")
    for name, score in scores.items():
        cells = " | ".join(f"{score.ratio(f):.3f}" for f in FIELDS)
        print(f"| {name} | {cells} | {score.seconds / max(1, len(rows)):.2f} |")
    if args.show:
        for name, score in scores.items():
            for f in FIELDS:
                print(f"-- {name} {f} misses ({len(score.misses[f])}):")
                for line in score.misses[f][: args.show]:
                    print("  " + line[:200])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
