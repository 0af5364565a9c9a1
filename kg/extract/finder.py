"""The commitment component: runs the sentence rules over a document, then the document-level rules."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.assets import core, is_assetlike, label
from kg.extract.attribution import sources
from kg.extract.clauses import chain, status
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.records import ActorRef, CommitmentRec, ConditionRec
from kg.extract.resolve import FIRST_PERSON, Resolver
from kg.extract.rules import SentenceRules
from kg.extract.subjects import CONTEXT

COMMITMENTS = "ckg_commitments"
SOURCES = "ckg_sources"
OPEN = ("offered", "possible", "pledged")
DEPENDENCY_STEMS = ("depend", "hinge", "rest", "rel", "condition", "contingent", "subject", "prerequisite")
if not Doc.has_extension(COMMITMENTS):
    Doc.set_extension(COMMITMENTS, default=None)
    Doc.set_extension(SOURCES, default=None)


class CommitmentFinder:
    """Stores the document's commitments in `doc._.ckg_commitments` and sources in `doc._.ckg_sources`."""

    def __init__(self) -> None:
        self.lex = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        resolver = Resolver(doc, self.lex)
        records: list[CommitmentRec] = []
        sents = list(doc.sents)
        text = doc.text
        for sent in sents:
            found = SentenceRules(sent, resolver, self.lex).run()
            records.extend(found)
            known = [r for r in found if r["actor"]["key"] != CONTEXT]
            if known:
                resolver.focus = known[-1]["actor"]
            else:
                for token in sent:
                    if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
                        actor, _ = resolver.one(token)
                        if actor is not None and actor["type"] != "Person":
                            resolver.focus = actor
                        break
            resolver.speaker_actor = resolver.focus
        records = main_actor(records)
        dependency_conditions(doc, text, records, resolver, self.lex)
        spread_only_if(text, records)
        doc._.set(COMMITMENTS, records)
        doc._.set(SOURCES, [s for sent in sents for s in sources(sent, self.lex)])
        return doc


@Language.factory("commitment_kg_commitments_v1")
def make_commitment_finder(nlp: Language, name: str) -> CommitmentFinder:
    """The commitment component (versioned name)."""
    return CommitmentFinder()


def main_actor(records: list[CommitmentRec]) -> list[CommitmentRec]:
    """Give records read before any actor was named the document's most frequent committing state."""
    counts = Counter(
        r["actor"]["key"] for r in records if r["actor"]["key"] != CONTEXT and r["actor"]["type"] == "State"
    )
    if not counts:  # "we" may still be the document's source, known only to the graph builder
        return [
            r
            for r in records
            if r["actor"]["key"] != CONTEXT or r["actor"]["surface"].lower() in FIRST_PERSON
        ]
    key = counts.most_common(1)[0][0]
    actor = next(r["actor"] for r in records if r["actor"]["key"] == key)
    for record in records:
        if record["actor"]["key"] == CONTEXT:
            record["actor"] = ActorRef(**{**actor, "surface": record["actor"]["surface"] or actor["surface"]})
    return records


def headline(records_sent: list[int], text: str) -> bool:
    """A line without closing punctuation (a headline) only summarises the article."""
    line = text[records_sent[0] : records_sent[1]]
    return not line.endswith((".", "!", "?", '"', "”", "’", "'", ":", ";", ")"))


def dependency_conditions(
    doc: Doc, text: str, records: list[CommitmentRec], resolver: Resolver, lex: Lexicon
) -> None:
    """ "The implementation of X's proposal depends on Y": Y conditions X's open commitments."""
    lowered = text.lower()
    if not any(word in lowered for word in DEPENDENCY_STEMS):
        return
    for token in doc:
        if token.lemma_.lower() in lex.dependency_heads:
            sent = token.sent
            prep = next(
                (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")), None
            )
            if prep is None or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
                continue
            span = doc[prep.i + 1 : prep.right_edge.i + 1]
            target = _target(token, sent, resolver)
            if target is None:
                continue
            if not any(sent.start_char <= r["anchor"] < sent.end_char for r in records):
                created = _conditioned_subject(token, resolver, lex)
                if created is not None:
                    records.append(created)
            required = None
            for index, record in enumerate(records):
                if span.start_char <= record["anchor"] < span.end_char:
                    record["status"] = "required"
                    required = index
            condition = ConditionRec(text=span.text.rstrip(" .,;"), start=span.start_char, depends=required)
            for index, record in enumerate(records):
                if index == required or record["actor"]["key"] != target:
                    continue
                in_sentence = sent.start_char <= record["anchor"] < sent.end_char
                applies = in_sentence or (record["status"] in OPEN and not headline(record["sent"], text))
                if applies and all(c["start"] != condition["start"] for c in record["conditions"]):
                    record["conditions"].append(ConditionRec(**condition))


def _target(token: Token, sent: Span, resolver: Resolver) -> str | None:
    head = token.head if token.pos_ == "ADJ" else token
    for holder in (token, head):
        for child in holder.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                for part in child.subtree:
                    actor = resolver.at(part)
                    if actor is not None:
                        return actor["key"]
    focus = resolver.focus
    return focus["key"] if focus is not None else None


def spread_only_if(text: str, records: list[CommitmentRec]) -> None:
    """A condition stated with "only" restricts the actor's other open commitments in the document."""
    for record in records:
        for condition in list(record["conditions"]):
            before = text[max(0, condition["start"] - 40) : condition["start"]].lower()
            if "only" not in before:
                continue
            for other in records:
                if other is record or other["actor"]["key"] != record["actor"]["key"]:
                    continue
                if other["status"] in OPEN and all(
                    c["text"] != condition["text"] for c in other["conditions"]
                ):
                    other["conditions"].append(ConditionRec(**condition))


def _conditioned_subject(token: Token, resolver: Resolver, lex: Lexicon) -> CommitmentRec | None:
    """ "Participation in the force would be subject to X": the subject is a commitment of its owner."""
    holder = token.head if token.pos_ == "ADJ" else token
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    subject = subjects[0]
    heads = [
        subject,
        *[
            g
            for c in subject.children
            if c.dep_ == "prep" and c.lower_ in ("on", "for", "of")
            for g in c.children
            if g.dep_ == "pobj"
        ],
    ]
    assets = [h for h in heads if is_assetlike(h, lex) and resolver.at(h) is None]
    actor = resolver.owner(subject) or resolver.focus
    if not assets or actor is None:
        return None
    head = assets[-1]
    text, start = label(token.doc, core(head))
    tokens = chain(holder)
    st = status(holder, tokens, lex, False)
    if st not in OPEN:
        return None
    sent = token.sent
    begin = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    return CommitmentRec(
        sent=[begin, sent.start_char + len(sent.text.rstrip())],
        actor=actor,
        speaker=None,
        assets=[[text, start]],
        recipient=None,
        negated=False,
        status=st,
        conditions=[],
        trigger=holder.text,
        anchor=holder.idx,
    )
