"""The SHACL shapes accept a graph shaped like the contract's example and reject broken ones."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph

from kg.owl import load_ontology, load_shapes
from tests.paths import TEST_DATA

EXAMPLE = (TEST_DATA / "contract-example.ttl").read_text(encoding="utf-8")
PREFIXES = """
@prefix ckg: <https://w3id.org/commitment-kg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix ex: <https://example.org/kg/> .
"""


def conforms(extra: str = "", drop: str | None = None) -> tuple[bool, str]:
    text = EXAMPLE if drop is None else "\n".join(line for line in EXAMPLE.splitlines() if drop not in line)
    data = Graph().parse(data=text + PREFIXES + extra, format="turtle")
    ok, _, report = validate(
        data, shacl_graph=load_shapes(), ont_graph=load_ontology(), inference="rdfs", allow_warnings=False
    )
    return bool(ok), str(report)


def test_contract_example_conforms() -> None:
    ok, report = conforms()
    assert ok, report


@pytest.mark.parametrize(
    ("extra", "drop", "message"),
    [
        ("", "ckg:negated true", "A refused commitment is negated"),
        ("ex:commitment-3f2a ckg:status ckg:Pledged .", None, "exactly one of the six statuses"),
        ("", "ckg:hasActor", "exactly one actor"),
        ("", "prov:wasDerivedFrom", "exactly one ckg:Statement"),
        ('ex:commitment-3f2a ckg:hasAsset "troops" .', None, "typed ckg:Asset"),
        ("ex:statement-doc-1-1893 ckg:endIndex 10 .", None, "ckg:endIndex"),
        (
            "ex:c2 a ckg:Commitment ; ckg:hasActor ex:actor-ukraine ; ckg:hasAsset ex:asset-3f2a-troops ;"
            " ckg:status ckg:Pledged ; prov:wasDerivedFrom ex:statement-doc-1-1893 .",
            None,
            "ckg:commits is asserted",
        ),
    ],
)
def test_broken_graph_is_rejected(extra: str, drop: str | None, message: str) -> None:
    ok, report = conforms(extra, drop)
    assert not ok
    assert message in report
