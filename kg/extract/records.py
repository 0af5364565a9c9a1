"""What the rules find, as plain values that survive spaCy's multiprocessing (msgpack-able dicts)."""

from __future__ import annotations

from typing import TypedDict


class ActorRef(TypedDict):
    """An actor: a gazetteer entry or a named entity the gazetteer lacks."""

    key: str
    label: str
    type: str
    wikidata: str | None
    surface: str


class ConditionRec(TypedDict):
    """A condition in the text's words; `depends` indexes the commitment it consists of."""

    text: str
    start: int
    depends: int | None


class CommitmentRec(TypedDict):
    """One actor's commitment read from one sentence."""

    sent: list[int]
    actor: ActorRef
    speaker: str | None
    assets: list[list[str | int]]
    recipient: ActorRef | None
    negated: bool
    status: str
    conditions: list[ConditionRec]
    trigger: str
    anchor: int


class SourceRec(TypedDict):
    """Who a sentence is attributed to, outermost first (each cites the next)."""

    sent: list[int]
    chain: list[str]
    back: bool
