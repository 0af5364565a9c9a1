"""Who an actor phrase means: gazetteer entries, named entities, people speaking for states, pronouns."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.actors import ACTOR_SPANS
from kg.extract.lexicon import Lexicon
from kg.extract.records import ActorRef

PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "we", "our", "us", "itself"}
FIRST_PERSON = {"we", "our", "us"}
PERSONAL = {"he", "his", "she", "her"}
SKIP_DEPS = {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "prep"}
OWNER_DEPS = {"poss", "compound", "amod", "nmod", "npadvmod", "nummod"}


def slug(text: str) -> str:
    """A readable IRI segment."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


class Resolver:
    """Resolves actor phrases within one document, remembering people and the actor in focus."""

    def __init__(self, doc: Doc, lexicon: Lexicon, source: str | None = None) -> None:
        self.doc = doc
        self.lex = lexicon
        self.by_token: dict[int, Span] = {}
        for span in doc.spans[ACTOR_SPANS]:
            for i in range(span.start, span.end):
                self.by_token[i] = span
        self.persons: dict[str, ActorRef] = {}
        self.focus: ActorRef | None = None
        self.unknown: ActorRef | None = None
        self.speaker_actor: ActorRef | None = None
        self.source = source_actor(source, lexicon)
        self._learn_persons()

    # -- entries ---------------------------------------------------------------------------
    def entry(self, span: Span) -> ActorRef:
        e = self.lex.actors[span.label_]
        return ActorRef(key=e.key, label=e.label, type=e.type, wikidata=e.wikidata, surface=span.text)

    def at(self, token: Token) -> ActorRef | None:
        """The gazetteer actor whose mention covers `token`."""
        span = self.by_token.get(token.i)
        return self.entry(span) if span is not None else None

    def _learn_persons(self) -> None:
        """Map each person's names to the state or organisation named around them."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            actor = self._around_person(ent)
            if actor is not None:
                for token in ent:
                    if token.is_alpha and token.is_title:
                        self.persons.setdefault(token.text, actor)

    def _around_person(self, ent: Span) -> ActorRef | None:
        head = ent.root
        window = self.doc[max(ent.sent.start, ent.start - 6) : ent.start]
        for token in reversed(window):
            if token.dep_ in ("punct", "cc") and token.text not in ("-", "'s"):
                break
            found = self.at(token)
            if found is not None:
                return found
        for child in head.children:
            if child.dep_ == "appos":
                for token in child.subtree:
                    found = self.at(token)
                    if found is not None:
                        return found
        if head.dep_ == "appos":
            found = self.at(head.head)
            if found is not None:
                return found
            for token in head.head.children:
                if token.dep_ in OWNER_DEPS and self.at(token):
                    return self.at(token)
        return None

    # -- phrases ---------------------------------------------------------------------------
    def phrase(self, head: Token) -> tuple[list[ActorRef], str | None]:
        """The actors a noun phrase names (coordinations give several) and the speaking person."""
        if head.lower_ in self.lex.pair_heads and any(c.lower_ in ("two", "both") for c in head.children):
            return self._last_states(head, 2), None
        heads = [head, *[c for c in head.conjuncts if c.i > head.i]]
        actors: list[ActorRef] = []
        speaker = None
        for h in heads:
            actor, who = self.one(h)
            if actor is not None and all(a["key"] != actor["key"] for a in actors):
                actors.append(actor)
                speaker = speaker or who
        return actors, speaker

    def _last_states(self, token: Token, count: int) -> list[ActorRef]:
        spans = sorted((s for s in self.doc.spans[ACTOR_SPANS] if s.start < token.i), key=lambda s: -s.start)
        for span in spans:
            other = span.root.head
            if span.root.dep_ == "conj" and other.i in self.by_token:
                pair = [self.entry(self.by_token[other.i]), self.entry(span)]
                if pair[0]["key"] != pair[1]["key"] and all(a["type"] == "State" for a in pair):
                    return pair
        out: list[ActorRef] = []
        for span in sorted(self.doc.spans[ACTOR_SPANS], key=lambda s: -s.start):
            if span.start >= token.i:
                continue
            actor = self.entry(span)
            if actor["type"] == "State" and all(a["key"] != actor["key"] for a in out):
                out.append(actor)
            if len(out) == count:
                break
        return out if len(out) == count else []

    def _same_head(self, token: Token) -> ActorRef | None:
        """ "the bank" after "the World Bank": the latest actor whose name ends in the same noun."""
        for span in sorted(self.doc.spans[ACTOR_SPANS], key=lambda s: -s.start):
            if span.start < token.i and self.lex.actors[span.label_].label.lower().endswith(token.lower_):
                return self.entry(span)
        return None

    def one(self, head: Token) -> tuple[ActorRef | None, str | None]:
        """One phrase head: its actor and, when a person speaks, that person's words."""
        lower = head.lower_
        if lower in PRONOUNS and (head.pos_ == "PRON" or head.dep_ == "poss"):
            if _expletive(head):
                return None, None
            actor = self.pronoun(head)
            return (ActorRef(**{**actor, "surface": head.text}) if actor else None), None
        found = self.at(head)
        if found is not None:
            return found, None
        lemma = head.lemma_.lower()
        definite = any(c.lower_ in ("the", "this") for c in head.children)
        if definite and lower in self.lex.group_heads:
            same = self._same_head(head)
            if same is not None:
                return same, None
        for token in head.subtree:
            if token.dep_ == "prep" and token.lower_ == "from" and token.head.dep_ not in ("relcl", "acl"):
                for obj in token.children:
                    if obj.dep_ == "pobj" and self.at(obj) is not None:
                        return self.at(obj), None
        is_person = head.ent_type_ == "PERSON" or lemma in self.lex.person_titles
        official = (
            is_person
            or lemma in self.lex.government_nouns
            or (head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "GPE", "NORP", "PERSON", "FAC"))
        )
        for token in self._modifiers(head):
            found = self.at(token)
            if found is not None:
                return (found, self._phrase_text(head) if is_person else None) if official else (None, None)
        if head.ent_type_ == "PERSON":
            for token in self._entity(head):
                if token.text in self.persons:
                    return self.persons[token.text], self._entity(head).text
        if lemma in self.lex.government_nouns and (definite or lower in ("country", "nation")):
            return self.pronoun(head), None
        if head.ent_type_ in ("ORG", "NORP", "GPE") and head.pos_ == "PROPN":
            ent = self._entity(head)
            label = re.sub(r"\s*\([^)]*\)?$", "", re.sub(r"^[Tt]he\s+", "", ent.text)).strip(" {}\"'")
            titled = any(t.lower_ in self.lex.person_titles for t in ent)
            if label and label.lower() not in self.lex.non_actor_names and not titled:
                kind = "State" if ent.label_ == "GPE" else "Organisation"
                return ActorRef(
                    key=slug(label), label=label, type=kind, wikidata=None, surface=ent.text
                ), None
        return None, None

    def _modifiers(self, head: Token) -> list[Token]:
        """Tokens that may name whom a person or body belongs to: "from X" first, then the nearest."""
        first: list[Token] = []
        near: list[Token] = []
        for token in head.subtree:
            if token.dep_ == "prep" and token.lower_ == "from" and token.head.dep_ not in ("relcl", "acl"):
                first.extend(token.subtree)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                continue
            if child.dep_ in OWNER_DEPS or child.dep_ == "appos":
                near.extend(t for t in child.subtree if not _under_prep(t, child))
            elif child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        near.append(obj)
                        near.extend(self._modifiers(obj))
        for token in self._entity(head):
            if token.i != head.i:
                near.append(token)
        return first + sorted(near, key=lambda t: abs(t.i - head.i))

    def _entity(self, token: Token) -> Span:
        for ent in token.sent.ents:
            if ent.start <= token.i < ent.end:
                return ent
        return self.doc[token.i : token.i + 1]

    def _phrase_text(self, head: Token) -> str:
        tokens = [
            t
            for t in head.subtree
            if not any(a.dep_ in SKIP_DEPS and a.i != head.i for a in self._path(t, head))
        ]
        return self.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else head.text

    @staticmethod
    def _path(token: Token, top: Token) -> list[Token]:
        path = []
        while token.i != top.i and token.head.i != token.i:
            path.append(token)
            token = token.head
        return path

    def pronoun(self, token: Token) -> ActorRef | None:
        """The antecedent of a pronoun: the source for "we", else the nearest actor before it."""
        lower = token.lower_
        if lower in FIRST_PERSON:
            return self.source or self.speaker_actor or self.focus or self.unknown
        sent = token.sent
        for previous in reversed(sent[: token.i - sent.start]):
            if previous.dep_ in ("nsubj", "nsubjpass") and previous.lower_ not in PRONOUNS:
                actor, _ = self.one(previous)
                if actor is not None and actor["type"] != "Person":
                    return actor
        if lower in PERSONAL and self.speaker_actor is not None:
            return self.speaker_actor
        return self.focus

    def _named_in(self, head: Token) -> ActorRef | None:
        """ "NATO ally Poland": the apposition names the actor, else a compound does."""
        for dep in ("appos", "compound"):
            for child in head.children:
                if child.dep_ == dep and self.at(child) is not None:
                    return self.at(child)
        return None

    def owner(self, noun: Token) -> ActorRef | None:
        """Whose a noun is: "Germany's commitment", "an offer by Poland", "the American proposal"."""
        for child in noun.children:
            if child.dep_ == "poss" or child.dep_ in ("compound", "amod", "nmod"):
                actor, _ = self.one(child)
                if actor is not None:
                    return actor
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        actor = self.one(grand)[0] or self._named_in(grand)
                        if actor is not None:
                            return actor
        return None


def source_actor(source: str | None, lexicon: Lexicon) -> ActorRef | None:
    """The actor a document's `source` names: the longest gazetteer name in it, else a short name as is."""
    if not source:
        return None
    name = source.strip()
    best: tuple[int, ActorRef] | None = None
    for entry in lexicon.actors.values():
        for alias in (entry.label, *entry.aliases):
            if alias == name or (len(alias) > 3 and re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", name)):
                found = ActorRef(
                    key=entry.key, label=entry.label, type=entry.type, wikidata=entry.wikidata, surface=name
                )
                if best is None or len(alias) > best[0]:
                    best = (len(alias), found)
    if best is not None:
        return best[1]
    if len(name.split()) <= 6 and not re.search(r"[():;/]", name):
        return ActorRef(key=slug(name), label=name, type="Organisation", wikidata=None, surface=name)
    return None


def _under_prep(token: Token, top: Token) -> bool:
    while token.i != top.i:
        if token.dep_ == "prep":
            return True
        token = token.head
    return False


def _expletive(token: Token) -> bool:
    """ "It is impossible to provide ...": "it" stands for the clause, not an actor."""
    if token.lower_ != "it" or token.dep_ != "nsubj":
        return False
    head = token.head
    return any(c.dep_ in ("acomp", "attr") for c in head.children) and any(
        c.dep_ in ("xcomp", "ccomp") for c in head.children
    )
