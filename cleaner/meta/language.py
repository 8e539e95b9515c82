"""Language detection with langdetect, seeded so that it never changes between runs.

langdetect is random by design; this module keeps a private detector factory
with a fixed seed, so the answer depends only on the text, in every process
(worker processes included: the seed travels with the module, not with global
state a caller may have changed).

>>> guess("The quick brown fox jumps over the lazy dog while the cat watches from the wall.")[0]
'en'
>>> guess("Hi")
(None, None)
"""

from __future__ import annotations

import functools
import re

from cleaner.document import Document, Fact

SEED = 0
#: Below this many letters a text is too short to judge.
MIN_LETTERS = 40
#: Detection reads at most this many characters (enough to be sure, and quick).
SAMPLE = 4000

_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def _factory():  # type: ignore[no-untyped-def]
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(SEED)
    return factory


def guess(text: str) -> tuple[str | None, float | None]:
    """The language of ``text`` (ISO 639-1, langdetect's codes) and its probability."""
    sample = text[:SAMPLE]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None, None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, None
    return best.lang, round(best.prob, 4)


def detect_language(doc: Document, hint: str | None = None) -> Document:
    """Add the language of the kept text (and its probability) as facts.

    A ``hint`` is taken as the language when detection cannot judge.
    """
    language, score = guess("\n".join(b.text for b in doc.kept))
    if language is None and hint:
        language = hint
    return doc.add(facts=[Fact("language", language, "langdetect"), Fact("language_score", score, "langdetect")])
