"""What a trigger gives and to whom: its object nouns, their antecedents, members and recipient."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.assets import core, expand, is_assetlike, label, value_head
from kg.extract.lexicon import Lexicon
from kg.extract.records import ActorRef
from kg.extract.resolve import PRONOUNS, Resolver

RELATIVISERS = {"which", "that", "who", "whom"}


def given_objects(
    verb: Token, passive: bool, resolver: Resolver, lex: Lexicon
) -> tuple[list[Token], ActorRef | None]:
    """The nouns a giving verb gives, and the recipient its dative or "with" phrase names."""
    children = list(verb.children)
    with_objs = [
        g for c in children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
    ]
    recipient = None
    for dative in (c for c in children if c.dep_ == "dative"):
        target = (
            next((g for g in dative.children if g.dep_ == "pobj"), dative) if dative.pos_ == "ADP" else dative
        )
        recipient = resolver.one(target)[0]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in children):
        return [verb.head], recipient
    if passive:
        return [c for c in children if c.dep_ == "nsubjpass"], recipient
    dobjs = [c for c in children if c.dep_ == "dobj"]
    if dobjs:
        obj = dobjs[0]
        actor = resolver.at(obj)
        if (
            with_objs
            and verb.lemma_.lower() in lex.with_verbs
            and (actor is not None or obj.lower_ in ("each", "other") or not is_assetlike(obj, lex))
        ):
            if actor is not None:
                recipient = actor
            return with_objs, recipient
        if obj.lower_ in RELATIVISERS:
            return antecedent(verb), recipient
        if obj.lower_ in ("it", "them") and verb.lemma_.lower() in lex.give_strong:
            found = antecedent_asset(obj, resolver, lex)
            return ([found] if found is not None else []), recipient
        if obj.lower_ in PRONOUNS:
            return [], recipient
        if actor is not None and obj.ent_type_ in ("GPE", "NORP", "ORG", ""):
            return [], recipient
        return [obj], recipient
    if with_objs and verb.lemma_.lower() in lex.with_verbs:
        return with_objs, recipient
    to_objs = [
        g
        for c in children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj" and resolver.at(g) is None and is_assetlike(g, lex)
    ]
    if to_objs:
        return to_objs, recipient
    if verb.lemma_.lower() == "commit":
        return [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj"
        ], recipient
    return antecedent(verb), recipient


def antecedent(verb: Token) -> list[Token]:
    """The noun a relative clause gives: "the jets that Poland promised to donate" -> jets."""
    token = verb
    while token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
        token = token.head
    if token.dep_ not in ("relcl", "acl") or token.head.pos_ not in ("NOUN", "PROPN"):
        return []
    if any(c.dep_ == "nsubj" and c.lower_ in RELATIVISERS for c in token.children):
        return []
    if token.dep_ == "relcl" or any(c.dep_ == "auxpass" for c in token.children):
        return [token.head]
    return []


def antecedent_asset(pronoun: Token, resolver: Resolver, lex: Lexicon) -> Token | None:
    """The thing "it" stands for: the nearest asset named before it (this sentence or the last)."""
    doc = pronoun.doc
    sent = pronoun.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for token in reversed(doc[start : pronoun.i]):
        if (
            token.pos_ in ("NOUN", "PROPN")
            and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
            and is_assetlike(token, lex)
            and resolver.at(token) is None
        ):
            return token
    return None


def included_assets(verb: Token, seen: set[int], doc: Doc, lex: Lexicon) -> list[tuple[str, int, Token]]:
    """ "... for equipment to bolster the navy, including boats and drones": members of the giving."""
    out: list[tuple[str, int, Token]] = []
    for token in verb.subtree:
        if token.dep_ != "prep" or token.lower_ != "including":
            continue
        holder = token.head
        while holder.i != verb.i and holder.dep_ not in ("relcl", "ccomp"):
            holder = holder.head
        if holder.i != verb.i:
            continue
        for obj in token.children:
            if obj.dep_ == "pobj" and obj.i not in seen:
                found = expand(doc, obj, lex, False)
                out.extend(a for a in found if a[2].i not in seen)
                seen.update(a[2].i for a in found)
    return out


def summary_asset(verb: Token, doc: Doc, lex: Lexicon) -> list[tuple[str, int, Token]]:
    """ "Some of the assistance from Canada includes X, Y": the summary noun is an asset too."""
    for child in verb.children:
        if child.dep_ == "nsubj" and is_assetlike(child, lex) and child.lower_ not in PRONOUNS:
            head = value_head(child, lex)
            text, start = label(doc, core(head))
            return [(text, start, head)]
    return []


def recipient_of(verb: Token, heads: list[Token], resolver: Resolver) -> ActorRef | None:
    """The actor a "to" or "for" phrase of the trigger or of its assets names."""
    for holder in [verb, *heads]:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "for"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        actor = resolver.one(obj)[0]
                        if actor is not None:
                            return actor
    return None


def force_in(head: Token, lex: Lexicon) -> Token | None:
    """The forces a subject names, directly or through "of" ("the first deployment of NATO troops")."""
    for _ in range(3):
        if head.lemma_.lower() in lex.force_nouns:
            return head
        nested = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if not nested:
            return None
        head = nested[0]
    return None
