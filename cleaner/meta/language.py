"""Language detection with langdetect, seeded so that it never changes between runs.

langdetect is random by design; this module runs its detector
(:mod:`cleaner.meta.detector`, the same answers with less time and memory) with
a fixed seed, so the answer depends only on the text, in every process (worker
processes included: the seed travels with the module, not with global state a
caller may have changed).

The profiles are loaded once, on first use, and only a set with every profile
in it is kept: a first load that is interrupted (Ctrl-C, a timeout raised from
a signal handler) leaves nothing behind, and the next call loads them again.
(langdetect's own loader turns any exception, an interrupt too, into "Profile
format error"; this module reads the profiles itself.)

>>> guess("The quick brown fox jumps over the lazy dog while the cat watches from the wall.")[0]
'en'
>>> guess("Hi")
(None, None)
"""

from __future__ import annotations

import json
import os
import re
import threading
from typing import Any

from cleaner.document import Document, Fact
from cleaner.meta.detector import Detector, Profiles

SEED = 0
#: Below this many letters a text is too short to judge.
MIN_LETTERS = 40
#: Detection reads at most this many characters of the document's densest prose (enough to be sure, and quick).
SAMPLE = 1000

_LETTER = re.compile(r"[^\W\d_]")


_LOCK = threading.Lock()
#: The loaded profiles, set only once every profile is in them.
_PROFILES: Profiles | None = None


def _read_profile(path: str) -> dict[str, Any]:
    """One langdetect profile file, as JSON."""
    with open(path, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def load_profiles() -> Profiles:
    """langdetect's profiles (every one, in name order), read into a new :class:`~cleaner.meta.detector.Profiles`."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    names = sorted(n for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith("."))
    return Profiles(_read_profile(os.path.join(PROFILES_DIRECTORY, name)) for name in names)  # one at a time


def profiles() -> Profiles:
    """The process's profiles, loaded whole on first use (a load cut short is thrown away)."""
    global _PROFILES
    if _PROFILES is None:
        with _LOCK:
            if _PROFILES is None:
                _PROFILES = load_profiles()
    return _PROFILES


def guess(text: str) -> tuple[str | None, float | None]:
    """The language of ``text`` (ISO 639-1, langdetect's codes) and its probability."""
    sample = text[:SAMPLE]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None, None
    from langdetect.lang_detect_exception import LangDetectException

    detector = Detector(profiles(), SEED)
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, None
    return best.lang, round(best.prob, 4)


def prose_sample(texts: list[str], size: int = SAMPLE) -> str:
    """The longest of ``texts`` (the densest prose), in their order, up to ``size`` characters in all.

    Menus, bylines and captions left in the text say little of its language; the paragraphs do.

    >>> prose_sample(["Home", "The council voted on Monday.", "News", "It was close."], size=30).split("\\n")
    ['The council voted on Monday.', 'It was close.']
    """
    chosen: set[int] = set()
    total = 0
    for index in sorted(range(len(texts)), key=lambda i: (-len(texts[i]), i)):
        if total >= size:
            break
        chosen.add(index)
        total += len(texts[index])
    return "\n".join(texts[i] for i in sorted(chosen))[: max(size, 1) * 2]


def detect_language(doc: Document, hint: str | None = None) -> Document:
    """Add the language of the kept text (and its probability) as facts, read on a sample of its densest prose.

    A ``hint`` is taken as the language when detection cannot judge.
    """
    language, score = guess(prose_sample([b.text for b in doc.kept]))
    if language is None and hint:
        language = hint
    return doc.add(facts=[Fact("language", language, "langdetect"), Fact("language_score", score, "langdetect")])
