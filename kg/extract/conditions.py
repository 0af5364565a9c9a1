"""Conditions: "if", "unless", "once", "after the end of hostilities", "in exchange for", "post-war"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.assets import core, label

MARKS = {"if", "unless", "once", "provided", "providing", "until"}
PHRASE_MARKS = ("as long as", "so long as", "provided that", "providing that", "on condition that", "in case")
PREPS = {"after", "under", "following", "upon", "pending", "without"}
PAIRED = {("in", "exchange"), ("in", "return"), ("in", "event"), ("in", "case")}
ADJ_PREPS = {"subject", "depending", "conditional", "contingent", "dependent", "conditioned"}
POSTWAR = {"post-war", "postwar"}
CANDIDATE_DEPS = {"advcl", "prep", "conj", "acl", "ccomp"}
CANDIDATE_WORDS = {"post", "post-war", "postwar", "provided", "providing"}


def clause_conditions(sent: Span, chain: list[Token], ongoing: bool) -> list[tuple[str, int]]:
    """Conditions in `sent` that hang below the trigger's chain, not in a coordinated clause of its own."""
    doc = sent.doc
    found: dict[int, tuple[str, int]] = {}
    for token in chain[-1].subtree:
        if token.dep_ not in CANDIDATE_DEPS and token.lower_ not in CANDIDATE_WORDS:
            continue
        if _other_clause(token, chain) and not _marked(token):
            continue
        span = _condition_span(token, ongoing)
        if span is not None:
            found.setdefault(span.start, _text(span))
        if token.lower_ in POSTWAR or (
            token.lower_ == "post" and token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "war"
        ):
            noun = token.head
            if noun.pos_ in ("NOUN", "PROPN"):
                text, start = label(doc, core(noun))
                found.setdefault(noun.i, (text, start))
    return [found[k] for k in sorted(found)]


def _condition_span(token: Token, ongoing: bool) -> Span | None:
    doc = token.doc
    if (
        token.lower_ in ("provided", "providing")
        and token.i + 1 < len(doc)
        and doc[token.i + 1].lower_ == "that"
    ):
        clause = doc[token.i + 1].head
        return doc[token.i : max(token.right_edge.i, clause.right_edge.i) + 1]
    if token.dep_ == "advcl" and token.head.lower_ == "long" and token.head.i > 0:
        return doc[token.head.left_edge.i : token.right_edge.i + 1]
    if token.dep_ == "conj" and _marked(token):
        return doc[token.left_edge.i : token.right_edge.i + 1]
    if token.dep_ == "advcl":
        subtree = doc[token.left_edge.i : token.right_edge.i + 1]
        lowered = subtree.text.lower()
        if lowered.startswith(PHRASE_MARKS) or any(
            c.dep_ == "mark" and c.lower_ in MARKS for c in token.children
        ):
            return subtree
        return None
    if token.dep_ != "prep":
        return None
    lower = token.lower_
    subtree = doc[token.left_edge.i : token.right_edge.i + 1]
    if lower in PREPS:
        if (ongoing and lower in ("after", "upon", "pending")) or any(
            c.lower_ in ("which", "whom", "whose") for c in token.children
        ):
            return None
        return subtree if len(subtree) > 1 else None
    if lower == "with" and token.i > 0 and doc[token.i - 1].lower_ == "only":
        return doc[token.i - 1 : token.right_edge.i + 1]
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if objects and (lower, objects[0].lemma_.lower()) in PAIRED:
        return subtree
    if token.head.lower_ in ADJ_PREPS and lower in ("to", "on", "upon"):
        return doc[token.head.i : token.right_edge.i + 1]
    return None


def _text(span: Span) -> tuple[str, int]:
    text = span.text.rstrip(" ,;.")
    return text, span.start_char


def _other_clause(token: Token, tops: list[Token]) -> bool:
    """Whether `token` sits in a coordinated clause of its own ("..., but X would include ...")."""
    keep = {t.i for t in tops}
    while token.i not in keep and token.head.i != token.i:
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
            return True
        token = token.head
    return False


def _marked(token: Token) -> bool:
    """A clause opened by "if", "unless", "once" ..."""
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ in MARKS for c in token.children
    )
