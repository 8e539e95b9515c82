"""Language detection: CLD2 by default, langdetect as an option; the answer depends only on the text.

Two detectors, named by ``Config.language_detector``:

- ``"cld2"`` (the default): Google's Compact Language Detector 2, through
  pycld2, whose wheel holds the compiled model.  No randomness, no file read,
  nothing fetched; about 30 times faster than langdetect.
- ``"langdetect"``: langdetect, through its public objects: a
  ``DetectorFactory`` of this module's own, loaded on first use and seeded
  with :data:`SEED`, so a caller who changes langdetect's global seed does not
  change these answers, in this process or in worker processes.

Both read at most :data:`SAMPLE` characters and judge nothing with fewer than
:data:`MIN_LETTERS` letters.  Codes are langdetect's: ISO 639-1, with
``zh-cn`` and ``zh-tw`` for Chinese in simplified and traditional script
(CLD2's own ``iw``, ``jw``, ``zh`` and ``zh-Hant`` are written that way: see
:data:`CLD2_CODES`).  CLD2 knows more languages than langdetect; those with
no ISO 639-1 code keep CLD2's code of three letters (``ceb``, ``haw``).

>>> guess("The quick brown fox jumps over the lazy dog while the cat watches from the wall.")
('en', 0.98)
>>> guess("The quick brown fox jumps over the lazy dog while the cat watches from the wall.", "langdetect")[0]
'en'
>>> guess("Hi")
(None, None)
"""

from __future__ import annotations

import itertools
import re
import threading
from typing import Any

from cleaner.document import Document, Fact

#: The detectors, by the name ``Config.language_detector`` gives them; the first is the default.
DETECTORS = ("cld2", "langdetect")
DEFAULT_DETECTOR = DETECTORS[0]
#: langdetect's seed: its answers are drawn at random, always in the same way.
SEED = 0
#: Below this many letters a text is too short to judge.
MIN_LETTERS = 40
#: Detection reads at most this many characters of the document's densest prose (enough to be sure, and quick).
SAMPLE = 1000
#: CLD2's codes that langdetect writes otherwise.
CLD2_CODES = {"iw": "he", "jw": "jv", "zh": "zh-cn", "zh-Hant": "zh-tw"}

_LETTER = re.compile(r"[^\W\d_]")
#: What CLD2 refuses as input (it calls it invalid UTF-8) in the first plane: C0 and C1 controls but tab,
#: newline, form feed and carriage return, DEL, surrogates (which no UTF-8 holds), the noncharacters.
_REFUSED = "\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
#: The noncharacters of the other planes, U+1FFFE-U+1FFFF to U+10FFFE-U+10FFFF.
_REFUSED_ABOVE = "".join(f"{chr(plane << 16 | 0xFFFE)}-{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
#: Every refused character.  One wide class, then the exact one behind it: a class with ranges above
#: the first plane in it is read several times slower, on every character.
_UNREADABLE = re.compile(f"[{_REFUSED}\U0001fffe-\U0010ffff](?<=[{_REFUSED}{_REFUSED_ABOVE}])")

_LOCK = threading.Lock()
#: langdetect's factory, set only once every profile is loaded into it.
_FACTORY: Any = None


def has_letters(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` letters (of any script); it stops reading at the last one needed.

    >>> has_letters("a1 b2 c3", 3), has_letters("a1 b2 c3", 4), has_letters("", 0)
    (True, False, True)
    """
    return count <= 0 or next(itertools.islice(_LETTER.finditer(text), count - 1, None), None) is not None


def readable(text: str) -> str:
    """``text`` with every character CLD2 refuses made a space (its length and its words stay).

    >>> readable("a\\x00b\\x85c\\ud800d\\uffffe\\tf\\ng\\U0010ffffh\\U0001fffdi")
    'a b c d e\\tf\\ng h\\U0001fffdi'
    """
    return _UNREADABLE.sub(" ", text)


def cld2_code(code: str) -> str | None:
    """A code CLD2 gives, as langdetect writes it; ``None`` for no language (``un``) or a script alone (``xx-…``).

    >>> cld2_code("en"), cld2_code("iw"), cld2_code("zh"), cld2_code("zh-Hant"), cld2_code("sr-ME")
    ('en', 'he', 'zh-cn', 'zh-tw', 'sr-me')
    >>> cld2_code("un"), cld2_code("xx-Qaai")
    (None, None)
    """
    if code == "un" or code.startswith("xx"):
        return None
    return CLD2_CODES.get(code, code.lower())


def by_cld2(sample: str) -> tuple[str | None, float | None]:
    """CLD2's language for ``sample`` and the share of its text CLD2 reads as that language.

    CLD2 is asked for its best effort: it names a language for a short text
    too, rather than "unknown" (:func:`guess` has already turned away texts with
    too few letters).

    >>> by_cld2("Die Regierung hat am Dienstag beschlossen, die alte Bibliothek offen zu halten.")
    ('de', 0.98)
    >>> by_cld2("12345 67890 !!! ???")
    (None, None)
    """
    import pycld2

    _, _, details = pycld2.detect(readable(sample), isPlainText=True, bestEffort=True)
    _, code, percent, _ = details[0]
    language = cld2_code(code)
    return (language, round(percent / 100, 4)) if language is not None else (None, None)


def load_langdetect() -> Any:
    """A new langdetect ``DetectorFactory`` with every profile langdetect ships, seeded with :data:`SEED`.

    langdetect's loader reports any exception raised while it reads, an
    interrupt too (Ctrl-C, a timeout raised from a signal handler), as a
    "profile format error": that exception is raised as itself.
    """
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY
    from langdetect.lang_detect_exception import LangDetectException

    factory = DetectorFactory()
    try:
        factory.load_profile(PROFILES_DIRECTORY)
    except LangDetectException as error:
        if error.__context__ is not None:
            raise error.__context__ from None
        raise
    factory.set_seed(SEED)
    return factory


def langdetect_factory() -> Any:
    """The process's langdetect factory, loaded whole on first use (a load cut short leaves nothing behind)."""
    global _FACTORY
    if _FACTORY is None:
        with _LOCK:
            if _FACTORY is None:
                _FACTORY = load_langdetect()
    return _FACTORY


def by_langdetect(sample: str) -> tuple[str | None, float | None]:
    """langdetect's language for ``sample`` and its probability, drawn with this module's seed.

    >>> by_langdetect("Die Regierung hat am Dienstag beschlossen, die alte Bibliothek offen zu halten.")
    ('de', 1.0)
    >>> by_langdetect("12345 67890 !!! ???")
    (None, None)
    """
    from langdetect.lang_detect_exception import LangDetectException

    detector = langdetect_factory().create()
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, None
    return best.lang, round(best.prob, 4)


def guess(text: str, detector: str = DEFAULT_DETECTOR) -> tuple[str | None, float | None]:
    """The language of ``text`` (ISO 639-1, langdetect's codes) and its probability, by one of :data:`DETECTORS`.

    ``(None, None)`` when the first :data:`SAMPLE` characters hold fewer than
    :data:`MIN_LETTERS` letters, or the detector cannot judge.

    >>> guess("Le conseil municipal a voté mardi pour garder la vieille bibliothèque ouverte.", "cld2")
    ('fr', 0.98)
    >>> guess("Le conseil municipal a voté mardi.", "cld3")
    Traceback (most recent call last):
    ...
    ValueError: unknown language detector 'cld3'; the detectors are cld2, langdetect
    """
    if detector not in DETECTORS:
        raise ValueError(f"unknown language detector {detector!r}; the detectors are {', '.join(DETECTORS)}")
    sample = text[:SAMPLE]
    if not has_letters(sample, MIN_LETTERS):
        return None, None
    return by_langdetect(sample) if detector == "langdetect" else by_cld2(sample)


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


def detect_language(doc: Document, hint: str | None = None, detector: str = DEFAULT_DETECTOR) -> Document:
    """Add the language of the kept text (and its probability) as facts, read on a sample of its densest prose.

    A ``hint`` is taken as the language when detection cannot judge.
    """
    language, score = guess(prose_sample([b.text for b in doc.kept]), detector)
    if language is None and hint:
        language = hint
    return doc.add(facts=[Fact("language", language, detector), Fact("language_score", score, detector)])
