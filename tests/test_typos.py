"""Typo repair: both kinds of fix, every guard (with real names that look like
typos), language gating, the log, the switch, and stability on a second run.

Every sentence here is written for this file."""

from __future__ import annotations

import gzip
from collections import Counter
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import Config
from cleaner.document import Document, Fact
from cleaner.fix.typos import fix_typos, protected_words
from cleaner.fix.typos.data import common_words, misspellings
from cleaner.fix.typos.evidence import near
from cleaner.fix.typos.tokens import _SENTENCE_END, _TOKEN, Words, opens_sentence, plain_text, tokens_of
from cleaner.pipeline import default_pipeline


def run(*blocks: str, language: str | None = "en", meta: dict[str, object] | None = None) -> Document:
    doc = Document(blocks=Document.from_blocks(blocks).blocks, meta=meta or {})
    if language:
        doc = doc.add(facts=[Fact("language", language), Fact("language_score", 0.99)])
    return fix_typos(doc)


def changes(doc: Document) -> list[tuple[str, str, str]]:
    return [(f.kind, f.before, f.after) for f in doc.fixes]


# --- known misspellings -------------------------------------------------------------------

KNOWN_CLAIMS = [
    ("The council did not recieve the letter in time.", "recieve", "receive"),
    ("Officials said the goverment would answer on Monday.", "goverment", "government"),
    ("Nobody will know the result untill the count ends.", "untill", "until"),
    ("Recieve the parcel at the door, the note said.", "Recieve", "Receive"),
    ("He said: \u201cSeperate the two files.\u201d", "Seperate", "Separate"),
    ("It was a wierd evening for the club.", "wierd", "weird"),
]


@pytest.mark.parametrize(("text", "before", "after"), KNOWN_CLAIMS)
def test_known_misspelling_is_fixed(text, before, after):
    doc = run(text)
    assert changes(doc) == [("misspelling", before, after)]
    assert doc.blocks[0].text == text.replace(before, after, 1)


KNOWN_LEAVES = [
    "The band Recieve played two songs in the park.",  # capitalised mid-sentence: a name
    "Signs read RECIEVE in large letters.",  # all capitals
    "The app McRecieve was launched.",  # inner capitals
    "Codes like recieve2 and goverment_id are not words.",  # glued to digits or underscores
    "Visit www.recieve.com or write to info@goverment.org today.",  # addresses
    "Follow @recieve and #goverment for updates.",  # handle and hashtag
    "They recieve the bill, and they recieve the refund.",  # the document repeats it
    "Trump wrote covfefe late at night and the word spread.",  # not in the list
    "Prime Minister Ardern met Dutton and Merkel in Kyiv, not Kiev.",  # names
    "The CNN report said the NATO summit would go ahead.",  # acronyms
]


@pytest.mark.parametrize("text", KNOWN_LEAVES)
def test_known_misspelling_guards(text):
    assert run(text).fixes == ()


def test_word_repeated_in_other_case_is_left_alone():
    assert run("Recieve it. Then recieve it again, she said.").fixes == ()


def test_word_in_the_metadata_is_left_alone():
    meta = {"title": "Why we recieve so little", "authors": ["Anne Goverment"], "site": "Untill News"}
    doc = run("They did not recieve it. The goverment said so. Wait untill noon.", meta=meta)
    assert doc.fixes == ()
    assert {"recieve", "goverment", "untill", "anne"} <= protected_words(doc)


@pytest.mark.parametrize("language", ["de", "fr", None])
def test_known_misspellings_only_in_english(language):
    assert run("The council did not recieve the letter in time.", language=language).fixes == ()


def test_language_is_detected_before_the_step():
    names = default_pipeline().names
    assert names.index("detect_language") < names.index("fix_typos")
    text = "The regional council said on Tuesday that it did not recieve the letter from the ministry in time.\n"
    assert [(f.before, f.after) for f in cleaner.clean(text).fixes] == [("recieve", "receive")]


def test_list_holds_no_real_words_and_one_correction_each():
    table = misspellings("en")
    assert len(table) > 10_000
    assert all(w.isalpha() and w.islower() and len(w) >= 4 for w in table)
    assert not set(table) & set(table.values())  # a correction is never itself "corrected"
    for real in ("their", "teh", "wether", "ardern", "merkel", "kiev", "dutton", "covfefe", "calender"):
        assert real not in table


# --- evidence from the document ---------------------------------------------------------

EVIDENCE_CLAIMS = [
    (["NATO met on Monday. Allies said NATO would act.", "Later NATO and ANTO officials spoke."], "ANTO", "NATO"),
    (
        ["Talks with Merkel began. Aides to Merkel spoke.", "Then Merkel left, and Merkle aides stayed."],
        "Merkle",
        "Merkel",
    ),
    (
        ["Ministers met in Vilnius. Talks in Vilnius went on.", "Delegates left Vilnuis late, and Vilnius slept."],
        "Vilnuis",
        "Vilnius",
    ),
    (["Engineers at Starship said Starship flew.", "Then Starhip landed, and Starship cooled."], "Starhip", "Starship"),
    # any language
    (["Die NATO tagte. Später sagte die NATO nichts.", "Danach sprach die ANTO und die NATO schwieg."], "ANTO", "NATO"),
]


@pytest.mark.parametrize(("blocks", "before", "after"), EVIDENCE_CLAIMS)
def test_evidence_fix(blocks, before, after):
    doc = run(*blocks, language=None)
    assert changes(doc) == [("typo", before, after)]
    assert before not in "\n".join(b.text for b in doc.blocks)


EVIDENCE_LEAVES = [
    # a real name one letter from a repeated one: another person or place
    ["Voters liked Arden. Then Arden spoke. Later Arden left.", "Prime Minister Ardern was not there."],
    ["Ministers met Zelenskiy. Aides of Zelenskiy spoke. Then Zelenskiy left.", "President Zelensky said so."],
    ["Reporters asked Biden twice. Then Biden spoke. And Biden left.", "Voters asked the Bidens nothing."],
    ["Fans of Garrett cheered. Coach Garrett spoke. Then Garrett left.", "Coach Garett stayed."],
    ["The Amphitheatre opened. Bands at the Amphitheatre played. The Amphitheatre closed.", "The Amphitheater too."],
    ["Reporters from the Press met. Then the Press asked. So the Press left.", "Local Preps won the game."],
    ["Troops left Iran. Talks in Iran went on. Oil from Iran rose.", "Then Iraq answered."],
    ["Reporters met in Kyiv. Talks in Kyiv went on. Life in Kyiv went on.", "Old maps say Kiev."],
    # too short, or only ever at the start of a sentence
    ["The EU met. Then the EU spoke. The EU left.", "Then UE left."],
    ["However, it rained. However, it snowed. However, it cleared.", "Hwoever, it froze."],
    # a word, not a typo
    ["Tourists saw Paris. Then Paris slept. And Paris woke.", "Parts of it stayed."],
    # repeated: the author's spelling
    ["NATO met. Then NATO spoke. So NATO left.", "Then ANTO and ANTO stayed."],
]


WORD_EVIDENCE_CLAIMS = [
    (
        ["The company grew fast. The company hired.", "Later the compnay said the company had grown."],
        "compnay",
        "company",
    ),
    (
        ["The president spoke. The president left.", "Aides to the presidnet said the president slept."],
        "presidnet",
        "president",
    ),
]


@pytest.mark.parametrize(("blocks", "before", "after"), WORD_EVIDENCE_CLAIMS)
def test_word_evidence_fix(blocks, before, after):
    assert changes(run(*blocks, language=None)) == [("typo", before, after)]


WORD_EVIDENCE_LEAVES = [
    # a rarer real word one swap from a word the document repeats
    ["The united front held. A united party won. They stood united.", "His laces were untied."],
    ["The farmers met. Dairy farmers left. Young farmers stayed.", "The framers of the law disagreed."],
    ["The retired judge spoke. Retired staff cheered. The retired crowd left.", "The case was retried in May."],
    # a known misspelling is left to the list (and to English text)
    ["They receive mail. They receive calls. They receive visits.", "Did they recieve it?"],
    # too short, or not repeated enough
    ["The form was sent. The form came back. The form was lost.", "It came from afar."],
    ["The company grew fast. The company hired.", "Later the compnay said so."],
    # repeated: the author's spelling
    ["The company grew. The company hired. The company won.", "A compnay and a compnay."],
]


@pytest.mark.parametrize("blocks", WORD_EVIDENCE_LEAVES)
def test_word_evidence_guards(blocks):
    assert run(*blocks, language=None).fixes == ()


@pytest.mark.parametrize("blocks", EVIDENCE_LEAVES)
def test_evidence_guards(blocks):
    assert run(*blocks, language=None).fixes == ()


def test_evidence_respects_the_metadata():
    blocks = ["Talks with Merkel began. Aides to Merkel spoke.", "Then Merkel left, and Merkle aides stayed."]
    assert run(*blocks, meta={"authors": ["Jo Merkle"]}).fixes == ()


@pytest.mark.parametrize(
    ("token", "name", "expected"),
    [
        ("ANTO", "NATO", True),
        ("Stoltenbreg", "Stoltenberg", True),
        ("Mnuchni", "Mnuchin", True),
        ("Capial", "Capital", True),
        ("Anto", "NATO", False),
        ("Tramp", "Trump", False),
        ("Preps", "Press", False),
        ("Trunp", "Trump", False),
    ],
)
def test_near(token, name, expected):
    assert near(token, name) is expected


# --- the log, the switch, stability ------------------------------------------------------


def test_log_gives_kind_before_after_and_position():
    blocks = ["NATO met. Then NATO spoke.", "Talks on NATO and ANTO did not recieve much notice."]
    doc = run(*blocks)
    fixes = [(f.kind, f.before, f.after, f.by, f.block, f.offset) for f in doc.fixes]
    assert fixes == [
        ("typo", "ANTO", "NATO", "document-evidence", 1, 18),
        ("misspelling", "recieve", "receive", "codespell", 1, 31),
    ]
    for fix in doc.fixes:
        assert blocks[fix.block][fix.offset : fix.offset + len(fix.before)] == fix.before
    assert [f.to_dict() for f in doc.fixes][1] == {"kind": "misspelling", "before": "recieve", "after": "receive"}


def test_offsets_refer_to_the_text_the_step_received():
    blocks = ["Engineers at Starship said Starship flew.", "Then Starhip landed; they did not recieve Starship parts."]
    doc = run(*blocks)
    assert changes(doc) == [("typo", "Starhip", "Starship"), ("misspelling", "recieve", "receive")]
    for fix in doc.fixes:
        assert blocks[fix.block][fix.offset : fix.offset + len(fix.before)] == fix.before


def test_removed_blocks_are_never_changed():
    doc = Document.from_blocks(["NATO met. Then NATO spoke. So NATO left.", "ANTO did not recieve it."])
    doc = doc.relabel(1, "caption", by="test").add(facts=[Fact("language", "en")])
    assert fix_typos(doc).fixes == ()


ARTICLE = (
    "Ministers of NATO met in Brussels on Tuesday, and officials said the talks went well.\n\n"
    "The alliance did not recieve the plan in time, a spokesman for NATO said on Wednesday.\n\n"
    "Diplomats said ANTO members would meet again, and NATO would publish a statement.\n"
)


def test_switched_off_by_config():
    assert len(cleaner.clean(ARTICLE).fixes) == 2
    assert cleaner.clean(ARTICLE, Config(typos=False)).fixes == ()
    assert cleaner.clean(ARTICLE, typos=False).text == ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        "Why we recieve so little\n\nBy Anne Teh\n\n" + ARTICLE,
        "Teh said the goverment would recieve it.\n\n" + ARTICLE,
    ],
)
def test_second_run_fixes_nothing(text):
    once = cleaner.clean(text)
    twice = cleaner.clean(once.text)
    assert twice.text == once.text and twice.fixes == ()


def test_data_files_state_their_licences():
    folder = resources.files("cleaner.data").joinpath("typos")
    tsv = folder.joinpath("misspellings-en.tsv").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in tsv.split("\n\n")[0] and "codespell" in tsv[:500]
    words = gzip.decompress(folder.joinpath("words.txt.gz").read_bytes()).decode("utf-8")
    assert "Attribution-ShareAlike 4.0" in words[:600] and "wordfreq" in words[:600]
    assert {"merkel", "paris", "nato"} <= common_words() and "anto" not in common_words()


# --- a hunt for second-run fixes on text made of names, their typos and misspellings --------

VOCABULARY = [
    "NATO",
    "ANTO",
    "NTAO",
    "Merkel",
    "Merkle",
    "Starship",
    "Starhip",
    "Capital",
    "Capial",
    "However",
    "Hwoever",
    "recieve",
    "Recieve",
    "receive",
    "goverment",
    "government",
    "untill",
    "the",
    "said",
    "and",
    "officials",
    "would",
    "talks",
    "in",
    "Berlin",
    "Brussels",
    "Kyiv",
    "Kiev",
    "Preps",
    "Press",
    "CNN",
    "company",
    "compnay",
    "comapny",
    "united",
    "untied",
    "receive",
    "recieve",
    "recevie",
    "German",
    "eGrman",
    "coudl",
    "could",
    "cloud",
    "throught",
    "through",
    "thought",
    "wether",
    "or",
    "not",
    "a",
    "milion",
    "thier",
    "their",
    "der",
    "und",
]
sentence = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=9).map(lambda words: " ".join(words) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
article = st.lists(paragraph, min_size=1, max_size=6).map("\n\n".join)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(article, st.sampled_from([None, "en", "de"]))
def test_second_run_fixes_nothing_on_typo_heavy_text(text, language):
    config = Config(language=language)
    once = cleaner.clean(text, config)
    twice = cleaner.clean(once.text, config)
    assert twice.text == once.text
    assert twice.fixes == ()


# --- misspellings that the sentence or the document decides ---------------------------------

CHOSEN_CLAIMS = [
    # several suggestions: one far more frequent, or the one the document uses
    ("We said we coudl help the town.", "coudl", "could"),
    ("They walked throught the park, and through the town, and through the woods.", "throught", "through"),
    # a word of another language (old German, Polish), inside an English sentence
    ("The children left thier bags in the hall.", "thier", "their"),
    ("More than a milion people signed it in the end.", "milion", "million"),
    # a rare English word where the sentence wants a function word
    ("Nobody knew wether or not the vote would count.", "wether", "whether"),
    ("The plan, wich was late, was dropped.", "wich", "which"),
]


@pytest.mark.parametrize(("text", "before", "after"), CHOSEN_CLAIMS)
def test_chosen_misspelling_is_fixed(text, before, after):
    doc = run(text)
    assert changes(doc) == [("misspelling", before, after)]
    assert doc.blocks[0].text == text.replace(before, after, 1)


CHOSEN_LEAVES = [
    "A wether and two ewes were sold at the fair.",  # the rare word, after a determiner
    "The old recipe calls for a wich of salt.",  # a determiner before it
    "Er sagte, die Kinder und thier Eltern kamen.",  # a German sentence keeps its words
    "We met throught the night and then thought it through.",  # the document uses two suggestions
    "The cloud services coudl be cheaper, the cloud team said.",  # the document and the language disagree
    "The code was spaghetti-fied over the years.",  # a suffix after a hyphen
    "Nobody knew wether or not; wether or not, they said.",  # repeated: the author's spelling
]


@pytest.mark.parametrize("text", CHOSEN_LEAVES)
def test_chosen_misspelling_guards(text):
    assert run(text).fixes == ()


NAME_SWAP_CLAIMS = [
    # the first two letters swapped, and the capital with them
    (
        ["The German team won. Fans of the German side sang.", "A eGrman flag flew over the German camp."],
        "eGrman",
        "German",
    ),
    # a swapped ending that spells no word ("Amphitheatre" beside "Amphitheater" does: left alone above)
    (["Shares of Mayer rose. Then Mayer spoke. Later Mayer left.", "Aides of Mayre said no."], "Mayre", "Mayer"),
]


@pytest.mark.parametrize(("blocks", "before", "after"), NAME_SWAP_CLAIMS)
def test_name_swaps(blocks, before, after):
    assert changes(run(*blocks, language=None)) == [("typo", before, after)]


def test_a_swap_that_spells_a_word_of_another_language_is_left_alone():
    """'ubre' is Spanish: the guard holds for a slip of 'Uber' too."""
    blocks = ["Rides from Uber rose. Drivers for Uber struck. Shares of Uber fell.", "Then Ubre said so."]
    assert run(*blocks, language=None).fixes == ()


# --- cost -------------------------------------------------------------------------------------


def test_a_long_single_line_costs_time_in_proportion_to_its_length():
    """Tokens are judged chunk by chunk in one pass: a megabyte on one line takes well under
    a few seconds (scanning the line for every token took minutes)."""
    import time

    words = [
        "the",
        "council",
        "said",
        "it",
        "would",
        "recieve",
        "the",
        "plan",
        "from",
        "ANTO",
        "and",
        "NATO",
        "on",
        "Monday",
    ]
    line = " ".join(words[i % len(words)] for i in range(180_000))
    assert len(line) > 900_000 and "\n" not in line
    started = time.perf_counter()
    doc = run(line)
    assert time.perf_counter() - started < 10
    assert doc.blocks[0].text == line  # every word repeats: nothing to fix


#: Text made of what decides whether a word opens a sentence: ends, quotes, brackets, spaces of every kind.
sentence_texts = st.lists(
    st.sampled_from([*"ab .!?…:;,'\"”’“‘)]([¡¿-\n\t\u00a0\u2003", "word", "Word"]), max_size=40
).map("".join)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(sentence_texts)
def test_a_word_opens_a_sentence_as_the_pattern_says(text: str) -> None:
    for match in _TOKEN.finditer(text):
        start = match.start()
        spec = bool(_SENTENCE_END.search(text[max(0, start - 12) : start])) if start else True
        assert opens_sentence(text, start) == spec, (text, start)


#: Text made of what decides a token and its chunk: letters of several scripts and cases, digits,
#: the marks of addresses and code, sentence ends, quotes, and spaces of every kind.
chunk_texts = st.lists(
    st.sampled_from(
        [*"aAéÉΣσß1٣_ .!?…:;,'\"”’)](@#/\\=<>{}|~^*+$%&-\n\t\r\u00a0", "word", "Word", "NATO", "a.b", "://"]
    ),
    max_size=40,
).map("".join)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(chunk_texts, chunk_texts)
def test_words_say_what_the_tokens_say(first: str, second: str) -> None:
    """The words counted from whole blocks are the tokens that :func:`tokens_of` makes one by one:
    the plain ones, their counts in any case, where they stand and whether they open a sentence."""
    texts = {0: first, 2: second}
    tokens = [t for i, text in texts.items() for t in tokens_of(i, text)]
    plain = [t for t in tokens if t.plain]
    for words in (Words(texts), Words(texts, like=Words({0: first, 2: second + " x1"}))):
        assert words.plain == [t.text for t in plain]
        assert words.counts == Counter(t.text for t in plain)
        assert words.lower == Counter(t.text.lower() for t in plain)
        assert words.every_lower() == Counter(t.text.lower() for t in tokens)
        wanted = {t.text for t in tokens}
        assert words.tokens(wanted) == plain
        assert words.in_mid(wanted) == {t.text for t in plain if not t.sentence_start}
    for text in texts.values():
        blanked = plain_text(text)
        assert len(blanked) == len(text)
        assert [(m.group(), m.start()) for m in _TOKEN.finditer(blanked)] == [
            (t.text, t.offset) for t in tokens_of(0, text) if t.plain
        ]
