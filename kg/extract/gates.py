"""When a trigger word is no commitment: a missing particle, a purpose clause, a demand or obligation."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.conditions import MARKS as CONDITION_MARKS
from kg.extract.lexicon import Lexicon

PARTICLES = {"hand": "over", "step": "up", "speed": "up", "rule": "out", "cut": "off"}
INTENT_NOUNS = {
    "plan",
    "intention",
    "readiness",
    "willingness",
    "agreement",
    "deal",
    "bid",
    "move",
    "effort",
    "promise",
    "pledge",
    "commitment",
    "offer",
    "decision",
    "proposal",
    "right",
    "goal",
    "aim",
}
OBLIGATION = {"should", "must", "ought"}


def missing_particle(verb: Token) -> bool:
    """ "hand" without "over", "rule" without "out": not the phrasal verb the lists mean."""
    lemma = verb.lemma_.lower()
    return lemma in PARTICLES and not any(c.lower_ == PARTICLES[lemma] for c in verb.children)


def purpose_clause(verb: Token, lex: Lexicon) -> bool:
    """ "... to support any deployment": a purpose clause of another giving, not a commitment."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "acl" and (
        head.lower_ in lex.noun_triggers
        or head.lemma_.lower() in INTENT_NOUNS
        or head.lower_ in lex.request_nouns
    ):
        return False
    if verb.dep_ in ("advcl", "acl"):
        return True
    return verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)


def blocked(tokens: list[Token], lex: Lexicon) -> bool:
    """A demand, request or hope of someone else, or an obligation, is no commitment."""
    lemmas = {t.lemma_.lower() for t in tokens[1:]}
    top = tokens[-1]
    if top.dep_ in ("ccomp", "advcl") and top.head.lemma_.lower() in lex.demand_verbs:
        return True
    if lemmas & lex.demand_verbs and not lemmas & lex.refusal_verbs:
        return True
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for t in tokens for c in t.children):
        return True
    return any(c.lower_ in OBLIGATION and c.dep_ == "aux" for t in tokens for c in t.children)
