"""Languages are data: every language's words are in its data file, and a language is added with one file.

The Swedish file below is written for these tests (Swedish is not shipped): a few stop words and the
words of the byline, social, related and caption rules.  With its folder in force (``lexicon.use``, or
``CLEANER_DATA`` when the package is imported) the rules, their gates and the stop-word language
detection use it; without, they do not.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.lexicon import ENVIRONMENT, common, folders, languages, use, words
from cleaner.stopwords import best_language, stopword_languages, stopwords
from cleaner.strip.ask import first_claim
from cleaner.strip.claims import Context
from cleaner.strip.related import related_group, related_header

ROOT = Path(__file__).resolve().parent.parent

SWEDISH = {
    "language": "sv",
    "stopwords": [
        "och",
        "att",
        "det",
        "som",
        "en",
        "på",
        "är",
        "av",
        "för",
        "med",
        "till",
        "den",
        "har",
        "de",
        "inte",
        "om",
        "ett",
        "han",
        "men",
        "var",
        "jag",
        "sig",
        "från",
        "vi",
        "så",
        "kan",
        "när",
        "hon",
        "nu",
        "ska",
    ],
    "byline": ["av", "skriven av"],
    "name_joiners": ["och"],
    "social": ["följ oss på", "dela"],
    "follow": ["följ"],
    "follow_objects": ["oss"],
    "related": ["läs mer", "relaterat", "mer från"],
    "related_more": ["mer"],
    "credit": ["fotograf"],
    "caption_credit": ["fotograf"],
}

#: Each case: the text, where it stands, and the rule of the claim with the Swedish file (none without it).
CASES = [
    ("Av Anna Berg", "head", "byline"),
    ("Skriven av Anna Berg och Erik Lind", "head", "byline"),
    ("Följ oss på Instagram", "tail", "share-bar"),
    ("Följ Anna Berg på Instagram och Facebook", "tail", "follow-prompt"),
    ("Läs mer: Regeringen sänker skatten", "middle", "read-more"),
    ("Relaterat", "tail", "related-header"),
    ("Fotograf: Anna Berg", "head", "photo-credit"),
    ("Statsministern talar i riksdagen i Stockholm på tisdagen (Fotograf: Anna Berg)", "middle", "caption-credit"),
]


@pytest.fixture
def extra(tmp_path: Path) -> Iterator[Path]:
    """A folder of extra data files, in force for the test (``use``), and the folders before it restored after."""
    before = use(tmp_path)
    yield tmp_path
    use(*before)


@pytest.fixture
def swedish(extra: Path) -> Path:
    """The folder holding ``sv.json``."""
    (extra / "sv.json").write_text(json.dumps(SWEDISH, ensure_ascii=False), encoding="utf-8")
    (extra / "notes.json").write_text(json.dumps({"format": 1}), encoding="utf-8")  # not a language's
    return extra


@pytest.mark.parametrize(("text", "where", "rule"), CASES)
def test_a_language_added_from_a_data_file_is_read_by_the_rules(
    text: str, where: str, rule: str, swedish: Path
) -> None:
    claim = first_claim(text, Context(where))
    assert claim is not None and claim.rule == rule
    use()
    assert first_claim(text, Context(where)) is None  # the rules know no Swedish of their own


def test_the_byline_gives_the_authors_and_the_related_header_its_section(swedish: Path) -> None:
    claim = first_claim("Skriven av Anna Berg och Erik Lind", Context("head"))
    assert claim is not None and claim.facts[0].value == ("Anna Berg", "Erik Lind")
    assert related_header("Mer från Sporten") == ("section", "Sporten")
    teasers = ["Sista stycket i artikeln.", "Mer från Sporten", "Malmö vann derbyt", "Ny tränare klar för Djurgården"]
    assert related_group(teasers, len(teasers)) == (1, ("section", "Sporten"))


def test_the_language_is_told_from_its_stop_words(swedish: Path) -> None:
    text = "Hon sa att det inte var så lätt, men att vi kan göra det nu och att han ska hjälpa till."
    assert "sv" in stopword_languages() and "och" in stopwords("sv")
    assert best_language([text])[0] == "sv"
    use()
    assert "sv" not in stopword_languages() and best_language([text])[0] != "sv"


def test_a_whole_text_loses_its_swedish_chrome(swedish: Path) -> None:
    body = (
        "Regeringen presenterade på tisdagen en ny plan för skolan, och den ska gälla från hösten. "
        "Ministern sa att det inte har varit lätt att komma överens, men att planen nu är klar."
    )
    text = f"Ny plan för skolan\n\nAv Anna Berg\n\n{body}\n\nFölj Anna Berg på Instagram och Facebook"
    kinds = [(b.kind, b.by) for b in clean(text).blocks]
    assert kinds == [("title", "title"), ("byline", "byline"), ("body", ""), ("social", "follow-prompt")]
    use()
    kinds = [(b.kind, b.by) for b in clean(text).blocks]
    assert kinds[1] != ("byline", "byline") and kinds[3] == ("body", "")


def test_files_that_name_no_language_are_not_languages(swedish: Path) -> None:
    assert folders() == (swedish,)
    assert "sv" in languages() and "notes" not in languages() and "block_model" not in languages()
    assert "facebook" in common()["networks"]


def test_a_folder_adds_words_to_a_shipped_language(extra: Path) -> None:
    (extra / "en.json").write_text(json.dumps({"language": "en", "byline": ["penned by"]}), encoding="utf-8")
    assert "penned by" in words("byline", "en") and "written by" in words("byline", "en")
    claim = first_claim("Penned by Jane Doe", Context("head"))
    assert claim is not None and claim.rule == "byline"


def test_the_folders_of_the_environment_are_read_at_import(tmp_path: Path) -> None:
    """``CLEANER_DATA`` names the extra folders of a new process: the command's and its workers'."""
    (tmp_path / "sv.json").write_text(json.dumps(SWEDISH, ensure_ascii=False), encoding="utf-8")
    code = "from cleaner.strip.ask import first_claim; from cleaner.strip.claims import Context; "
    code += "print(first_claim('Av Anna Berg', Context('head')).rule)"
    env = {**os.environ, ENVIRONMENT: str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "byline"


def test_every_word_list_is_data() -> None:
    """Each shipped language is one file, its stop words in it; the keys are lists of words or of lists."""
    for code, data in languages().items():
        for key, value in data.items():
            if key not in ("language", "stopwords_source"):
                assert isinstance(value, list), (code, key)
    assert set(stopword_languages()) == {"de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru"}


_ASKED = re.compile(r"""(?<!\w)(?:words|listed|phrase_pattern|_words_of|Phrases|Gate)\((?:[^()]*?)["'](?P<key>[a-z_]+)["']""")


def test_every_key_of_the_data_is_read_and_every_key_read_is_data() -> None:
    """No list sits unread in the files (as ``ago_phrases`` once did), and no rule asks for a list no file has."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "cleaner").rglob("*.py"))
    keys = {k for data in [*languages().values(), common()] for k in data} - {"language", "stopwords_source"}
    unread = sorted(k for k in keys if f'"{k}"' not in code and f"'{k}'" not in code)
    assert unread == []
    asked = {m.group("key") for m in _ASKED.finditer(code)}
    assert "byline" in asked and "networks" in asked
    assert sorted(asked - keys) == []
