"""`kg extract`: formats, stdout, stdin, exit statuses and failures reported with their location."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from kg.cli import main
from kg.namespaces import CKG, RDF, RDFS

TEXT_A = "Norway will deliver 12 artillery pieces to Moldova."
TEXT_B = "Norway is ready to send two field hospitals to Chad."


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    return folder


def test_trig_on_stdout_with_one_named_graph_per_document(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(inputs)]) == 0
    dataset = rdflib.Dataset()
    dataset.parse(data=capsys.readouterr().out, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {
        "https://w3id.org/commitment-kg/id/document/a",
        "https://w3id.org/commitment-kg/id/document/b",
    }


@pytest.mark.parametrize(("suffix", "fmt"), [("nq", "nquads"), ("ttl", "turtle"), ("jsonld", "json-ld")])
def test_output_format_follows_the_extension(inputs: Path, tmp_path: Path, suffix: str, fmt: str) -> None:
    out = tmp_path / f"out.{suffix}"
    assert main(["extract", str(inputs), "-o", str(out), "--base", "https://example.org/kg/"]) == 0
    graph = rdflib.Dataset(default_union=True)
    graph.parse(out, format=fmt)
    norway = rdflib.URIRef("https://example.org/kg/actor/norway")
    assert len(list(graph.objects(norway, RDFS.label))) == 1
    assert len(set(graph.subjects(RDF.type, CKG.Commitment))) == 2


def test_failures_are_reported_and_the_rest_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps({"id": "good", "text": TEXT_A}), "{broken", json.dumps({"id": "empty", "text": ""})]
    (tmp_path / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Norway will send aid to Sm\xe5land.".encode("latin-1"))
    out = tmp_path / "out.trig"
    status = main(["extract", str(tmp_path / "docs.jsonl"), str(tmp_path / "latin1.txt"), "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    assert "docs.jsonl:2" in err and "latin1.txt" in err and "not UTF-8" in err
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(out, format="trig")
    ids = {str(o) for o in dataset.objects(None, rdflib.DCTERMS.identifier)}
    assert ids == {"good", "empty"}


@pytest.mark.parametrize(
    "args",
    [["-o", "out.unknown"], ["--processes", "0"], ["--base", "not-an-iri"], ["--batch-size", "x"]],
)
def test_bad_usage_exits_2(inputs: Path, tmp_path: Path, args: list[str]) -> None:
    assert main(["extract", str(inputs), *args]) == 2


def test_stdin_and_processes_in_a_real_process(tmp_path: Path) -> None:
    records = "".join(json.dumps({"id": f"d{i}", "text": TEXT_B}) + "\n" for i in range(4))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "extract",
            "-",
            "--processes",
            "2",
            "--batch-size",
            "1",
            "-o",
            str(tmp_path / "out.nq"),
        ],
        input=records,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.nq").read_text(encoding="utf-8").count("/document/d") >= 4
