#!/usr/bin/env python3
"""What the cleaner gives on every bench input, as one digest per page: to check that a change changes nothing.

A refactor or a speed-up that must not change behaviour is checked by running
this before and after and comparing: each page's text, its blocks (kind, rule
and text), its fixes and its metadata are hashed, per set and input
(``text_recall``, ``text_full``, ``html``) and for the samples.

    python scripts/fingerprint.py --jobs 2 --out .cache/before.json
    # ... change the code ...
    python scripts/fingerprint.py --jobs 2 --out .cache/after.json --against .cache/before.json

``--against`` lists the pages whose digest differs, by input and by part
(text, blocks, fixes, metadata), and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import INPUTS, SETS, BenchSet, Page  # noqa: E402

import cleaner  # noqa: E402

PARTS = ("text", "blocks", "fixes", "metadata")


def _digest(value: object) -> str:
    data = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def digests(result: cleaner.Result) -> dict[str, str]:
    """One digest per part of a result."""
    return {
        "text": _digest(result.text),
        "blocks": _digest([(b.kind, b.by, b.text) for b in result.blocks]),
        "fixes": _digest([(f.kind, f.before, f.after, f.by, f.block, f.offset) for f in result.fixes]),
        "metadata": _digest(result.metadata),
    }


def one(job: tuple[Page, str]) -> tuple[str, dict[str, str]]:
    page, variant = job
    result = cleaner.clean_html(page.html, url=page.url) if variant == "html" else cleaner.clean(page.text(variant))
    return f"{page.set}/{variant}/{page.id}", digests(result)


def samples() -> dict[str, dict[str, str]]:
    return {
        f"samples/{path.name}": digests(cleaner.clean(path.read_text(encoding="utf-8")))
        for path in sorted((ROOT / "samples").glob("*.txt"))
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("variants", nargs="*", default=list(INPUTS), help="text_recall, text_full, html")
    parser.add_argument("--set", dest="sets", action="append", help=f"bench sets (default: {', '.join(SETS)})")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--out", type=Path, required=True, help="where to write the digests (JSON)")
    parser.add_argument("--against", type=Path, help="digests written before: list what differs")
    args = parser.parse_args(argv)
    work = [
        (p, v) for name in args.sets or SETS for v in args.variants for p in BenchSet.find(name).pages[: args.limit]
    ]
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            found = dict(pool.imap(one, work, chunksize=8))
    else:
        found = dict(map(one, work))
    found.update(samples())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
    if args.against is None:
        return 0
    before = json.loads(args.against.read_text(encoding="utf-8"))
    differ = {key: [p for p in PARTS if before.get(key, {}).get(p) != value[p]] for key, value in found.items()}
    differ = {key: parts for key, parts in differ.items() if parts}
    groups: dict[str, list[str]] = {}
    for key, parts in sorted(differ.items()):
        group = key.rsplit("/", 1)[0] if not key.startswith("samples/") else "samples"
        groups.setdefault(group, []).append(f"{key.rsplit('/', 1)[1]} ({', '.join(parts)})")
    for group, keys in groups.items():
        print(f"{group}: {len(keys)} differ: {', '.join(keys[:12])}{' …' if len(keys) > 12 else ''}")
    print(f"{len(differ)} of {len(found)} inputs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
