"""Golden sentences: one per construction, each with the tuples it must give (or none)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.records import CommitmentRec

# (sentence, [(actor label, words the asset label must contain, negated, status)])
GOLDEN: list[tuple[str, list[tuple[str, str, bool, str]]]] = [
    # verbs, tense and aspect
    (
        "Norway will deliver 12 artillery pieces to Moldova.",
        [("Norway", "artillery pieces", False, "pledged")],
    ),
    ("Spain has shipped two field hospitals to Chad.", [("Spain", "field hospitals", False, "ongoing")]),
    (
        "Austria is already supplying Georgia with winter fuel.",
        [("Austria", "winter fuel", False, "ongoing")],
    ),
    (
        "Finland pledged 40 million euros in reconstruction aid to Ukraine.",
        [("Finland", "40 million euros", False, "pledged")],
    ),
    # adjectives with a complement, and a headline without a verb
    (
        "Portugal is prepared to send medical teams to Mozambique.",
        [("Portugal", "medical teams", False, "offered")],
    ),
    ("Japan ready to provide drones for Ukraine", [("Japan", "drones", False, "offered")]),
    (
        "Belgium to provide mine-clearing vehicles for Ukraine",
        [("Belgium", "mine-clearing vehicles", False, "pledged")],
    ),
    # possibility
    (
        "Canada could also contribute transport aircraft to the mission.",
        [("Canada", "transport aircraft", False, "possible")],
    ),
    (
        "Denmark is considering sending fighter jets to Ukraine.",
        [("Denmark", "fighter jets", False, "possible")],
    ),
    # the recipient moved out of the object slot, and lists
    (
        "Sweden will provide Latvia with radars, anti-tank weapons and body armour.",
        [
            ("Sweden", "radars", False, "pledged"),
            ("Sweden", "anti-tank weapons", False, "pledged"),
            ("Sweden", "body armour", False, "pledged"),
        ],
    ),
    (
        'Poland will send "heavy equipment," including tanks, howitzers and armoured vehicles, to Ukraine.',
        [
            ("Poland", "heavy equipment", False, "pledged"),
            ("Poland", "tanks", False, "pledged"),
            ("Poland", "howitzers", False, "pledged"),
            ("Poland", "armoured vehicles", False, "pledged"),
        ],
    ),
    (
        "Germany will supply air and sea drones to Ukraine.",
        [("Germany", "air drones", False, "pledged"), ("Germany", "sea drones", False, "pledged")],
    ),
    # light verbs
    ("Ireland will take part in training Ukrainian deminers.", [("Ireland", "deminers", False, "pledged")]),
    # aliases, capitals, demonyms and people speaking for states
    (
        "Washington will send 300 armoured vehicles to Kyiv.",
        [("United States", "armoured vehicles", False, "pledged")],
    ),
    (
        "British Defence Secretary Alan Moore said Britain would send 14 tanks to Ukraine.",
        [("United Kingdom", "tanks", False, "pledged")],
    ),
    (
        "The Dutch government has agreed to finance a new field hospital in Gaza.",
        [("Netherlands", "field hospital", False, "pledged")],
    ),
    # pronouns
    (
        "Estonia said it would donate all its howitzers to Ukraine.",
        [("Estonia", "howitzers", False, "pledged")],
    ),
    # passive with an agent
    ("Two patrol boats will be provided by Italy to Tunisia.", [("Italy", "patrol boats", False, "pledged")]),
    # relative clause
    (
        "Ukraine has received the tanks that Spain promised to deliver.",
        [("Spain", "tanks", False, "pledged")],
    ),
    # negation and refusals
    ("Hungary will not send weapons to Ukraine.", [("Hungary", "weapons", True, "refused")]),
    ("Austria has ruled out sending troops to the region.", [("Austria", "troops", True, "refused")]),
    (
        "The government of Switzerland refused to supply ammunition to Germany.",
        [("Switzerland", "ammunition", True, "refused")],
    ),
    ("Greece rejected calls for fighter jets for Ukraine.", [("Greece", "fighter jets", True, "refused")]),
    ("Japan halted economic aid to Myanmar.", [("Japan", "economic aid", True, "refused")]),
    ("Italy opposes deploying its own soldiers in Libya.", [("Italy", "soldiers", True, "refused")]),
    (
        "Germany has no plans to send cruise missiles to Ukraine.",
        [("Germany", "cruise missiles", True, "refused")],
    ),
    (
        "Seoul declined to provide lethal weapons to Ukraine.",
        [("South Korea", "lethal weapons", True, "refused")],
    ),
    # aliases of organisations and administrations
    (
        "The alliance will send more jets to the Baltic states, officials said.",
        [("NATO", "jets", False, "pledged")],
    ),
    (
        "The Biden administration is weighing whether to send long-range missiles to Kyiv.",
        [("United States", "long-range missiles", False, "possible")],
    ),
    # nouns as triggers
    (
        "Canada's pledge of 500 million dollars was welcomed in Kyiv.",
        [("Canada", "500 million dollars", False, "pledged")],
    ),
    ("France made a commitment to deploy 2,000 troops to Romania.", [("France", "troops", False, "pledged")]),
    # conditions
    ("Norway will send peacekeepers if the ceasefire holds.", [("Norway", "peacekeepers", False, "pledged")]),
    (
        "Canada will send 20 armoured vehicles provided that parliament approves the sale.",
        [("Canada", "armoured vehicles", False, "pledged")],
    ),
    # reported speech: the commitment inside, the report outside
    (
        "Officials told reporters that Berlin is prepared to provide air defence systems.",
        [("Germany", "air defence systems", False, "offered")],
    ),
    # sentences that must give nothing: demands, reports, meetings, attacks, protests
    ("Kyiv has demanded more air defence systems from its allies.", []),
    ("Poland urged Germany to send tanks to Ukraine.", []),
    ("The foreign ministers of France and Italy met in Rome on Monday.", []),
    ("Rebels attacked an army convoy near the border, killing five soldiers.", []),
    ("Thousands of students protested in the capital against the new law.", []),
    ("The newspaper reported that the talks had stalled.", []),
]


def _matches(record: CommitmentRec, actor: str, words: str, negated: bool, st: str) -> bool:
    labels = [str(a[0]).lower() for a in record["assets"]]
    return (
        record["actor"]["label"] == actor
        and record["negated"] is negated
        and record["status"] == st
        and any(words.lower() in label for label in labels)
    )


@pytest.mark.parametrize(("sentence", "expected"), GOLDEN, ids=[s[:40] for s, _ in GOLDEN])
def test_golden_sentence(
    commitments: Callable[[str], list[CommitmentRec]],
    sentence: str,
    expected: list[tuple[str, str, bool, str]],
) -> None:
    found = commitments(sentence)
    pairs = sum(len(r["assets"]) for r in found)
    if not expected:
        assert found == []
        return
    for item in expected:
        assert any(_matches(r, *item) for r in found), (item, found)
    assert pairs == len(expected), found


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("Norway will send peacekeepers if the ceasefire holds.", "if the ceasefire holds"),
        (
            "Italy will keep its troops in Lebanon as long as the mandate lasts.",
            "as long as the mandate lasts",
        ),
        ("Spain would deploy engineers under any peace agreement.", "under any peace agreement"),
        (
            "Canada will send 20 armoured vehicles provided that parliament approves the sale.",
            "provided that parliament approves the sale",
        ),
        (
            "Britain and France have pledged to send peacekeepers once a ceasefire is agreed.",
            "once a ceasefire is agreed",
        ),
    ],
)
def test_condition_words_are_kept(
    commitments: Callable[[str], list[CommitmentRec]], sentence: str, condition: str
) -> None:
    found = commitments(sentence)
    assert found and all([c["text"] for c in r["conditions"]] == [condition] for r in found)


def test_exchange_gives_the_other_side(commitments: Callable[[str], list[CommitmentRec]]) -> None:
    found = commitments(
        "Slovakia will deliver its old tanks to Ukraine in exchange for German Leopard tanks."
    )
    actors = {r["actor"]["label"]: r for r in found}
    assert set(actors) == {"Slovakia", "Germany"}
    assert actors["Slovakia"]["conditions"][0]["text"].startswith("in exchange for")


def test_document_level_condition_becomes_required_commitment(
    commitments: Callable[[str], list[CommitmentRec]],
) -> None:
    text = (
        "France is ready to provide air defence systems to Moldova. "
        "The implementation of the French proposal depends on Romania's commitment to deploy 2,000 soldiers."
    )
    found = commitments(text)
    required = [r for r in found if r["status"] == "required"]
    assert [r["actor"]["label"] for r in required] == ["Romania"]
    offer = next(r for r in found if r["actor"]["label"] == "France")
    (condition,) = offer["conditions"]
    assert condition["depends"] == found.index(required[0])
    assert "Romania's commitment" in condition["text"]


def test_we_and_the_country_resolve(commitments: Callable[[str], list[CommitmentRec]]) -> None:
    found = commitments("Latvia has a small army. The country will still send 50 instructors to Ukraine.")
    assert [r["actor"]["label"] for r in found] == ["Latvia"]
