"""The extractor's word lists and actor gazetteer, read once from the data files of this package."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class ActorEntry:
    """One canonical actor of the gazetteer."""

    key: str
    label: str
    type: str
    wikidata: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Word lists (lemmas, lower case) that the rules consult, and the gazetteer."""

    words: dict[str, frozenset[str]]
    noun_triggers: dict[str, str]
    actors: dict[str, ActorEntry]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.words[name]
        except KeyError:
            raise AttributeError(name) from None


def _read(name: str) -> Any:
    return json.loads(resources.files("kg.extract").joinpath("data", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with the package."""
    raw = _read("lexicon.json")
    words: dict[str, frozenset[str]] = {}
    for key, value in raw.items():
        if isinstance(value, list):
            words[key] = frozenset(value)
        elif key == "give_verbs":
            words["give_strong"] = frozenset(value["strong"])
            words["give_weak"] = frozenset(value["weak"])
    words["give_verbs"] = words["give_strong"] | words["give_weak"]
    words["weapon_lower"] = frozenset(w.lower() for w in raw["weapon_names"])
    actors = {
        item["key"]: ActorEntry(
            item["key"], item["label"], item["type"], item.get("wikidata"), tuple(item.get("aliases", []))
        )
        for item in _read("gazetteer.json")["actors"]
    }
    return Lexicon(words=words, noun_triggers=dict(raw["noun_triggers"]), actors=actors)
