"""Reading input documents: every bad one is reported with where it is, the rest still come."""

from __future__ import annotations

import json
from pathlib import Path

from kg.documents import Document, InputFailure, read_inputs


def split(items: list) -> tuple[list[Document], list[InputFailure]]:
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputFailure)]


def test_txt_file_is_one_document_named_by_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "statement-7.txt"
    path.write_text("\ufeffGermany will send tanks.", encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert (doc.id, doc.text) == ("statement-7", "Germany will send tanks.")


def test_jsonl_keeps_metadata_and_reports_broken_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {"id": "a", "text": "Text A.", "title": "T", "url": "https://example.org/a", "source": "MoD"}
    lines = [
        json.dumps(good),
        '{"id": "b", "text": "unterminated',
        "",
        json.dumps({"id": "c"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 42, "text": "Text D."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, failures = split(list(read_inputs([str(path)])))
    assert [d.id for d in docs] == ["a", "42"]
    assert docs[0].title == "T" and docs[0].source == "MoD" and docs[0].location == f"{path}:1"
    assert [f.location for f in failures] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "broken JSON" in failures[0].reason
    assert "'text'" in failures[1].reason


def test_non_utf8_bytes_are_reported_with_their_offset(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 aid".encode("latin-1"))
    (tmp_path / "fine.txt").write_text("France pledges aid.", encoding="utf-8")
    docs, failures = split(list(read_inputs([str(tmp_path)])))
    assert [d.id for d in docs] == ["fine"]
    assert failures[0].location.endswith("latin.txt")
    assert "offset 3" in failures[0].reason


def test_missing_and_wrong_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# not an input")
    failures = list(read_inputs([str(tmp_path / "absent.txt"), str(tmp_path / "notes.md")]))
    assert [type(f) for f in failures] == [InputFailure, InputFailure]
    assert "no such file" in failures[0].reason
    assert "not a .txt or .jsonl" in failures[1].reason
