"""Who commits: the subject of a trigger's clause, a noun's owner, a reporter, the actor in context."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.assets import is_assetlike
from kg.extract.clauses import CLIMB
from kg.extract.lexicon import Lexicon
from kg.extract.objects import RELATIVISERS
from kg.extract.records import ActorRef
from kg.extract.resolve import PRONOUNS, Resolver

CONTEXT = "@context"

Found = tuple[list[ActorRef], str | None, Token | None]


def context_placeholder(subject: Token | None) -> ActorRef:
    """Stands for "the document's main actor" until the whole document has been read."""
    surface = subject.text if subject is not None else ""
    return ActorRef(key=CONTEXT, label="", type="State", wikidata=None, surface=surface)


def context_actor(resolver: Resolver) -> list[ActorRef]:
    """The actor in focus; the document's main actor (decided at its end) when there is none yet."""
    focus = resolver.focus
    return [focus] if focus is not None else [context_placeholder(None)]


def subject(sent: Span, verb: Token, passive: bool, resolver: Resolver, lex: Lexicon) -> Found:
    """Who commits: the subject up the chain, a noun's owner, the agent of a passive, a headline.

    Also the speaking person the subject names, and the trigger noun that governs the
    verb ("Poland's pledge to send jets" -> pledge), if any.
    """
    token = verb
    while True:
        if token.i == verb.i and passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    for obj in child.children:
                        actors, who = resolver.phrase(obj)
                        if actors:
                            return actors, who, None
                    return [], None, None
            return context_actor(resolver), None, None
        subjects = [
            c for c in token.children if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and token.i != verb.i)
        ]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in RELATIVISERS and token.dep_ == "relcl":
                actors, who = resolver.phrase(token.head)
                if actors:
                    return actors, who, None
                token = token.head
                if token.dep_ in CLIMB and token.head.i != token.i:
                    token = token.head
                    continue
                break
            actors, who = resolver.phrase(subj)
            if actors:
                return actors, who, None
            if subj.pos_ in ("NOUN", "PROPN") and subj.lower_ not in PRONOUNS:
                owned = is_assetlike(subj, lex) or subj.lower_ in lex.noun_triggers
                owner = resolver.owner(subj) if owned else None
                if owner is None and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
                    token = token.head
                    continue
                if owner is None and is_assetlike(subj, lex):
                    return context_actor(resolver), None, None
                if owner is None and subj.lemma_.lower() in lex.government_nouns:
                    return [context_placeholder(subj)], None, None
                return ([owner] if owner else []), None, None
            return [], None, None
        noun_obj = misattached(token, lex) if token.i == verb.i else None
        if (token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN")) or noun_obj is not None:
            noun = noun_obj if noun_obj is not None else token.head
            if noun.lower_ in lex.noun_triggers:
                owner = resolver.owner(noun)
                if owner is not None:
                    return [owner], None, noun
            if noun.lower_ not in lex.request_nouns:
                owner = resolver.owner(noun)
                if owner is not None:
                    return [owner], None, None
            token = noun
            if token.dep_ in CLIMB and token.head.i != token.i:
                token = token.head
                continue
            break
        if token.dep_ in CLIMB and token.head.i != token.i:
            token = token.head
            continue
        break
    for candidate in sent:
        if candidate.i >= verb.i:
            break
        actor = resolver.at(candidate)
        if actor is None or candidate.dep_ not in ("npadvmod", "nsubj", "ROOT", "dep", "compound"):
            continue
        if candidate.head.i >= verb.i or "ROOT" in (candidate.dep_, candidate.head.dep_):
            return [actor], None, None
    return [], None, None


def misattached(verb: Token, lex: Lexicon) -> Token | None:
    """ "rejected an offer by X on Tuesday to transfer ...": the infinitive belongs to the offer."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    for child in verb.head.children:
        if (
            child.dep_ == "dobj"
            and child.i < verb.i
            and (child.lower_ in lex.noun_triggers or child.lower_ in lex.request_nouns)
        ):
            return child
    return None


def reporter_of(top: Token, resolver: Resolver, lex: Lexicon) -> tuple[ActorRef, str] | None:
    """The person whose words report the clause ("Chancellor X said that Berlin ...")."""
    if top.dep_ != "ccomp" or top.head.lemma_.lower() not in lex.speech_verbs:
        return None
    for child in top.head.children:
        if child.dep_ == "nsubj":
            actor, who = resolver.one(child)
            if actor is not None and who:
                return actor, who
    return None


def owner_of_assets(assets: list[tuple[str, int, Token]], resolver: Resolver, lex: Lexicon) -> list[ActorRef]:
    """ "sending U.S. troops": troops named by their state are that state's commitment."""
    for _, _, head in assets:
        owner = resolver.owner(head)
        if owner is not None and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return [owner]
        if head.lemma_.lower() in lex.force_nouns:
            for child in head.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod"):
                    actor = resolver.at(child)
                    if actor is not None:
                        return [actor]
    return []
