"""Attribution: "according to X", "X reported, citing Y" become a chain of sources on a statement."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.lexicon import Lexicon
from kg.extract.records import SourceRec

REPORTING = {"report", "say", "tell", "quote", "write", "cite"}
SOURCE_HEADS = {
    "official",
    "officials",
    "source",
    "sources",
    "report",
    "newspaper",
    "agency",
    "media",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "diplomats",
    "statement",
    "document",
}


def sources(sent: Span, lex: Lexicon) -> list[SourceRec]:
    """The attribution chain of a sentence, if it has one."""
    chain: list[str] = []
    back = False
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and sent.doc[token.i + 1].lower_ == "to":
            for obj in sent.doc[token.i + 1].children:
                if obj.dep_ == "pobj":
                    chain.append(_phrase(obj))
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in REPORTING - {"cite"}:
            continue
        who = _reporter(token, lex)
        if who is None:
            continue
        chain.append(_phrase(who))
        for child in token.children:
            if child.lemma_.lower() == "cite":
                chain.extend(_phrase(g) for g in child.children if g.dep_ == "dobj")
        back = back or any(c.dep_ == "nsubjpass" and c.lower_ in ("this", "it") for c in token.children)
    if not chain:
        return []
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    return [SourceRec(sent=[start, sent.start_char + len(text.rstrip())], chain=chain, back=back)]


def _reporter(verb: Token, lex: Lexicon) -> Token | None:
    for child in verb.children:
        candidates = (
            [child]
            if child.dep_ == "nsubj"
            else [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ == "agent"
            else []
        )
        for who in candidates:
            if who.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART") or who.lemma_.lower() in SOURCE_HEADS:
                return who
            if who.text.lower() in lex.non_actor_names:
                return who
    return None


def _phrase(head: Token) -> str:
    doc = head.doc
    tokens = [t for t in head.subtree if t.dep_ not in ("punct",) or head.left_edge.i < t.i < head.i]
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    return doc[start:end].text.strip(" ,\"'“”")
