"""Invariants of cleaning, checked with Hypothesis on any text and any config."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import Config
from cleaner.fix.encoding import repair
from cleaner.fix.whitespace import normalize_text

#: Every code point, control characters and lone surrogates included.
any_char = st.characters(codec=None, exclude_categories=())
#: Lines that look like news pages: chrome and prose, in any order.
NEWS_LINES = [
    "By Jane Doe",
    "Follow us on Twitter",
    "More from World",
    "World",
    "Advertisement",
    "Updated: May 5, 2019 10:51 am",
    "© AP Photo/Jane Doe",
    "Share this article",
    "BRUSSELS, May 25 (Reuters) - Talks went on late into the night, officials said.",
    "The minister said the talks would continue next week.",
    "Prices rose by 3% in March, the statistics office said on Tuesday.",
    '"We will keep channels open," he added.',
    "Talks go on in Brussels",
    "Read more: Talks go on",
    "Kamila Aliyeva is AzerNews' staff journalist, follow her on Twitter: @Kami_Aliyeva",
    "Jammeh goes into exile",
    "Former leader flew into exile on Sunday, making way for...",
    "NATO",
    "ANTO",
    "itâ€™s",
    "&amp;",
    "",
    "  ",
    "\u00a0",
    "\u200b",
]
news_text = st.lists(st.one_of(st.sampled_from(NEWS_LINES), st.text(any_char, max_size=40)), max_size=25).map(
    lambda lines: "\n".join(lines)
)
texts = st.one_of(st.text(any_char, max_size=300), news_text)
#: Kinds a user may keep in the text (the README's example keeps captions).
KEEPABLE = ["title", "byline", "caption", "social", "related-links", "timestamp", "dateline", "navigation", "author-bio"]
configs = st.builds(
    Config,
    typography=st.booleans(),
    keep=st.frozensets(st.sampled_from(KEEPABLE)),
    typos=st.booleans(),
    language=st.sampled_from([None, "en", "de"]),
)
KIND = re.compile(r"[a-z]+(?:-[a-z]+)*")
FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts, configs)
def test_never_raises_and_format_holds(text, config):
    result = cleaner.clean(text, config)
    out = result.to_dict()
    assert list(out) == ["text", "metadata", "removed", "fixes"]
    json.dumps(out)  # serialisable
    result.text.encode("utf-8")  # no lone surrogates survive
    if result.text:
        assert result.text.endswith("\n") and not result.text.endswith("\n\n")
        for paragraph in result.text[:-1].split("\n\n"):
            assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph
    assert all(KIND.fullmatch(r.kind) and r.text for r in result.removed)
    assert all(KIND.fullmatch(f.kind) for f in result.fixes)


@FAST
@given(texts, configs)
@example("Talks go on\n\nJane Doe\n\nThe talks went on for hours, officials said on Monday.", Config(keep=["caption"]))
@example("\u00a0\u00c0\x86", Config(typos=False))  # a no-break space once hid mojibake from ftfy
@example("\u00c0\u00b0\r\x80", Config())  # so did a carriage return, a line break only after normalisation
@example("\x91\x9f\u00b5", Config())  # and a curly quote, straight only after normalisation
@example("\x91\x9f\u00b5", Config(typography=True))
@example("\u00f7\u00c40\x8d", Config(typos=False))  # and a control character that normalisation deletes
def test_cleaning_clean_text_changes_nothing(text, config):
    """Idempotence, under every option: kept chrome included (a kept caption left on top of the text
    is read again as the title it looks like, in the first cleaning already)."""
    once = cleaner.clean(text, config)
    twice = cleaner.clean(once.text, config)
    assert twice.text == once.text
    assert twice.removed == ()
    assert twice.fixes == ()


def _visible(text: str) -> str:
    return re.sub(r"\s+", "", text)


@FAST
@given(texts)
def test_kept_and_removed_account_for_the_whole_input(text):
    result = cleaner.clean(text, typos=False)
    expected = normalize_text(repair(text)[0])
    assert _visible("".join(b.text for b in result.blocks)) == _visible(expected)
    kept = "".join(b.text for b in result.blocks if b.kept)
    removed = "".join(r.text for r in result.removed)
    assert len(_visible(kept)) + len(_visible(removed)) == len(_visible(expected))


@FAST
@given(texts, configs)
def test_same_input_same_output(text, config):
    assert cleaner.clean(text, config).to_dict() == cleaner.clean(text, config).to_dict()


body = st.lists(
    st.lists(
        st.sampled_from(
            ["the", "minister", "said", "talks", "would", "go", "on", "while", "prices", "rose", "in", "many", "towns"]
        ),
        min_size=8,
        max_size=30,
    ).map(lambda words: " ".join(words).capitalize() + "."),
    min_size=1,
    max_size=6,
)


@FAST
@given(body, st.sampled_from(["Talks go on in Brussels", "NATO chief says dialogue must continue"]), st.booleans())
def test_chrome_around_a_body_is_removed_and_the_body_kept(paragraphs, headline, related):
    article = "\n\n".join(paragraphs)
    tail = ["Follow us on Twitter @example"]
    if related:
        tail = [
            "More from World",
            "Jammeh goes into exile",
            "Former leader flew into exile on Sunday, making way for...",
            *tail,
        ]
    page = "\n\n".join([headline, "By Jane Doe", article, *tail])
    result = cleaner.clean(page, typos=False)
    assert result.text == article + "\n"
    assert result.metadata["title"] == headline
    assert result.metadata["authors"] == ["Jane Doe"]


def test_language_is_the_same_in_fresh_processes():
    """langdetect is seeded inside the module, so every process agrees."""
    code = (
        "import cleaner, pathlib;"
        "print(cleaner.clean(pathlib.Path('samples/001_1fae4b5aafa18aed.txt').read_text()).metadata['language_score'])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
