"""Actor mentions: the gazetteer as a spaCy component, and NER corrections by our own rules."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.lexicon import load_lexicon

ACTOR_SPANS = "ckg_actors"
BULLETS = {"-", "*", "•", "–", "—", "·"}


class ActorTagger:
    """Marks every gazetteer alias in `doc.spans["ckg_actors"]` (label: actor key) and fixes NER."""

    def __init__(self, nlp: Language) -> None:
        lexicon = load_lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.products = frozenset(w.lower() for w in lexicon.weapon_names)
        for entry in lexicon.actors.values():
            names = {entry.label, *entry.aliases}
            variants = set()
            for name in names:
                variants.update({name, name.upper()} if len(name) > 4 else {name})
                if name.startswith("the "):
                    variants.update({"The " + name[4:], name.lower(), "The " + name[4:].lower()})
                else:
                    variants.update({"the " + name, "The " + name})
            self.matcher.add(entry.key, [nlp.make_doc(v) for v in sorted(variants)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        doc.spans[ACTOR_SPANS] = filter_spans(spans)
        wrong = [
            ent
            for ent in doc.ents
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and ent.text.lower() in self.products
        ]
        if wrong:
            doc.ents = [Span(doc, e.start, e.end, label="PRODUCT") if e in wrong else e for e in doc.ents]
        return doc


@Language.factory("commitment_kg_actors_v1")
def make_actor_tagger(nlp: Language, name: str) -> ActorTagger:
    """The gazetteer component (versioned name)."""
    return ActorTagger(nlp)


@Language.component("commitment_kg_boundaries_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at every line, so headlines and list items stand alone.

    The line's second token never starts a sentence: "1. A mission ..." and "German Chancellor ..."
    stay whole.
    """
    line_start = True
    first: Token | None = None
    for token in doc:
        if token.is_space:
            line_start = line_start or "\n" in token.text
            continue
        if line_start and token.i > 0:
            token.is_sent_start = True
            first = token
        elif first is not None and token.i > 0:
            token.is_sent_start = False
            marker = (first.like_num or first.text in BULLETS) and token.text in (".", ")")
            first = token if marker else None
        else:
            first = None
        line_start = "\n" in token.whitespace_
    return doc
