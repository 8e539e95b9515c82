"""Article structure is body: sub-headings, lists, tables, pros and cons, Q&A and recipe steps stay.

Lines written for these tests, in several languages; none comes from the benchmark pages.
"""

from __future__ import annotations

import pytest

import cleaner
from cleaner.strip.claims import Context
from cleaner.strip.registry import RULES, runs_for

#: Lines of an article's own structure: no rule may claim them in the middle or the tail of a text.
STRUCTURE = [
    # sub-headings
    "How the plan works",
    "What happens next",
    "Why it matters",
    "The background",
    "Wie der Plan funktioniert",
    "Ce qui change pour les locataires",
    "Qué dice la ley",
    "Cosa cambia per i pendolari",
    "O que muda para os aposentados",
    # bulleted and numbered lists
    "- Two cups of flour",
    "- A pinch of salt",
    "• Free parking on weekends",
    "1. Preheat the oven to 200 degrees.",
    "2. Mix the flour and the butter until the dough is smooth.",
    "3) Bake for 25 minutes",
    "- 250 g Mehl",
    "- 2 cuillères à soupe de sucre",
    "- Un diente de ajo picado",
    "Step 4: Let it cool before cutting",
    "Schritt 2: Den Teig eine Stunde ruhen lassen.",
    # tables
    "| Model | Battery | Price |",
    "| Basic | 10 hours | $199 |",
    "| Stadt | Einwohner |",
    # pros and cons
    "Pros",
    "Cons",
    "- Long battery life",
    "- Heavy for its size",
    "Vorteile",
    "Nachteile",
    "Points forts",
    # Q&A
    "Q: When does the new timetable start?",
    "A: On the first Monday of June.",
    "Frequently asked questions",
    "Is the museum open on Sundays?",
    "Question : faut-il réserver à l'avance ?",
    # recipe and guide headings
    "Ingredients",
    "Method",
    "Zutaten",
    "Ingrédients",
    "Ingredientes",
    "Preparación",
]
#: A list that closes an article: the last steps of a guide, the cons of a review.
CLOSING_LISTS = [
    ["- Check the tyre pressure once a month", "- Keep a spare bulb in the glove box", "- Clean the wipers in winter"],
    ["Cons", "- Heavy for its size", "- The charger is sold separately", "- Only two colours"],
    ["1. Heat the oil.", "2. Add the onions and stir.", "3. Serve with rice."],
    ["- Mehl sieben", "- Eier trennen", "- Butter schmelzen"],
]


@pytest.mark.parametrize("line", STRUCTURE)
@pytest.mark.parametrize("zone", ["middle", "tail"])
def test_no_rule_claims_the_articles_own_structure(line: str, zone: str) -> None:
    ctx = Context(zone, before=("The council said the plan would start in May, and the first buses would run then.",))
    for rule in RULES:
        if rule.classify is not None and zone in rule.zones:
            assert rule.classify(line, ctx) is None, rule.name


@pytest.mark.parametrize("items", CLOSING_LISTS)
def test_no_run_detector_takes_a_list_closing_the_article(items: list[str]) -> None:
    texts = ["The guide ends with a few things to do each month, the club said in its newsletter.", *items]
    for rule in runs_for("tail"):
        assert rule.detect is not None
        assert rule.detect(texts, len(texts)) is None, rule.name


PROSE = [
    "The city will open three new cycle routes this summer, the transport office said on Monday.",
    "The first runs along the river from the old mill to the station, and should be ready in June.",
    "Cyclists have asked for safer routes for years, and the council finally found the money in March.",
    "Work on the second and third routes starts in July, and the council hopes to finish by the autumn.",
]
ARTICLE = "\n\n".join(
    [
        PROSE[0],
        PROSE[1],
        "What the routes cost",
        "| Route | Length | Cost |",
        "| River | 4 km | 1.2 million |",
        "| Station | 2 km | 0.8 million |",
        PROSE[2],
        "What riders can expect",
        "- Separate lanes on the main roads",
        "- New lights at the busiest junctions",
        "- Racks for 400 bikes at the station",
        PROSE[3],
        "Pros",
        "- Safer trips to school",
        "- Less traffic in the centre",
        "Cons",
        "- Fewer parking spaces on two streets",
        "Q: Will the routes be lit at night?",
        "A: Yes, the council said, along their whole length.",
    ]
)


def test_an_article_with_headings_lists_tables_and_qa_keeps_them_all() -> None:
    result = cleaner.clean(ARTICLE)
    assert result.text == ARTICLE + "\n"
    assert cleaner.clean(result.text).text == result.text
