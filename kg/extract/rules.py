"""The rules that read commitments from one parsed sentence: one construction per trigger kind."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.assets import expand, is_assetlike
from kg.extract.clauses import chain, negated, status
from kg.extract.conditions import clause_conditions
from kg.extract.gates import blocked, missing_particle, purpose_clause
from kg.extract.lexicon import Lexicon
from kg.extract.objects import force_in, given_objects, included_assets, recipient_of, summary_asset
from kg.extract.records import ActorRef, CommitmentRec, ConditionRec
from kg.extract.resolve import Resolver
from kg.extract.subjects import context_placeholder, owner_of_assets, reporter_of, subject

SELF_ASSETS = {"deployment", "donation", "contribution", "delivery", "deliveries", "transfer"}


class SentenceRules:
    """Finds the commitments of one sentence."""

    def __init__(self, sent: Span, resolver: Resolver, lex: Lexicon) -> None:
        resolver.unknown = context_placeholder(None)
        self.sent = sent
        self.doc: Doc = sent.doc
        self.resolver = resolver
        self.lex = lex
        self.span = _trimmed(sent)

    def run(self) -> list[CommitmentRec]:
        """Every commitment of the sentence, one per actor and trigger, duplicates dropped."""
        out: list[CommitmentRec] = []
        lex = self.lex
        for token in self.sent:
            lemma = token.lemma_.lower()
            if token.pos_ == "VERB":
                if missing_particle(token) and lemma not in lex.give_strong:
                    continue
                if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.children):
                    out.extend(self.happens(token))
                elif lemma == "take" or lemma in ("participate", "join"):
                    out.extend(self.participate(token))
                elif lemma == "come":
                    out.extend(self.receive(token))
                elif lemma in lex.give_verbs:
                    out.extend(self.give(token))
                elif lemma in lex.receive_verbs:
                    out.extend(self.receive(token))
                elif lemma in lex.arrival_verbs:
                    out.extend(self.arrival(token))
                if lemma in lex.refusal_verbs:
                    out.extend(self.refusal(token))
            elif token.pos_ == "ADJ" and token.lower_ in lex.refusal_adjectives:
                out.extend(self.refusal(token))
            elif token.pos_ == "ADJ" and token.lower_ in lex.ready_adjectives:
                out.extend(self.ready_for(token))
            elif token.pos_ in ("NOUN", "PROPN") and token.lower_ in lex.noun_triggers:
                out.extend(self.noun(token))
        return _dedupe(out)

    # -- constructions ---------------------------------------------------------------------
    def give(self, verb: Token) -> list[CommitmentRec]:
        lex = self.lex
        lemma = verb.lemma_.lower()
        if lemma in lex.pledge_verbs | lex.offer_verbs and any(
            c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in verb.children
        ):
            return []
        if lemma == "make" and not any(c.lower_ == "available" for c in verb.children):
            return []
        if lemma in lex.give_weak and purpose_clause(verb, lex):
            return []
        tokens = chain(verb)
        if blocked(tokens, lex):
            return []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
        )
        objects, recipient = given_objects(verb, passive, self.resolver, lex)
        strict = lemma in lex.give_weak and lemma != "make"
        objects += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "NUM") and objects]
        objects = [o for o in objects if not any(c.lower_ in ("how", "what") for c in o.subtree if c.i < o.i)]
        assets = [a for head in objects for a in expand(self.doc, head, lex, strict)]
        if assets:
            assets.extend(included_assets(verb, {a[2].i for a in assets}, self.doc, lex))
        if not assets:
            return []
        if lemma in ("include", "provide", "contain", "comprise", "cover"):
            assets = summary_asset(verb, self.doc, lex) + assets
        actors, speaker, gate = subject(self.sent, verb, passive, self.resolver, lex)
        if not actors:
            actors = owner_of_assets(assets, self.resolver, lex)
        if not actors:
            return []
        if gate is not None:
            st = lex.noun_triggers.get(gate.lower_, "pledged")
            is_neg = any(c.lower_ == "no" for c in gate.children)
            st = "refused" if is_neg else st
        else:
            is_neg = negated(verb, tokens, lex)
            st = status(verb, tokens, lex, is_neg)
            nouns = [t for t in tokens[1:] if t.pos_ == "NOUN" and t.lower_ in lex.noun_triggers]
            if nouns and st not in ("refused", "possible"):
                st = lex.noun_triggers[nouns[0].lower_]
        recipient = recipient or recipient_of(verb, [a[2] for a in assets], self.resolver)
        out = self._records(actors, speaker, assets, recipient, is_neg, st, tokens, verb)
        out.extend(self._exchange(verb, actors, st, tokens))
        if gate is not None and gate.dep_ == "dobj" and gate.head.lemma_.lower() in lex.refusal_verbs:
            refusers, who, _ = subject(self.sent, gate.head, False, self.resolver, lex)
            out.extend(self._records(refusers, who, assets, recipient, True, "refused", tokens, gate.head))
        return out

    def participate(self, verb: Token) -> list[CommitmentRec]:
        lemma = verb.lemma_.lower()
        if lemma == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children):
            return []
        if lemma == "join":
            return (
                self.give(verb)
                if any(c.dep_ == "dobj" and c.lemma_.lower() in self.lex.join_objects for c in verb.children)
                else []
            )
        heads: list[Token] = []
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        heads.append(obj)
                    elif obj.dep_ == "pcomp":
                        heads.extend(c for c in obj.children if c.dep_ == "dobj")
        tokens = chain(verb)
        if not heads or blocked(tokens, self.lex):
            return []
        assets = [a for head in heads for a in expand(self.doc, head, self.lex, False)]
        actors, speaker, _ = subject(self.sent, verb, False, self.resolver, self.lex)
        if not assets or not actors:
            return []
        is_neg = negated(verb, tokens, self.lex)
        st = status(verb, tokens, self.lex, is_neg)
        recipient = recipient_of(verb, [a[2] for a in assets], self.resolver)
        return self._records(actors, speaker, assets, recipient, is_neg, st, tokens, verb)

    def receive(self, verb: Token) -> list[CommitmentRec]:
        coming = verb.lemma_.lower() == "come"
        objects = [c for c in verb.children if c.dep_ == ("nsubj" if coming else "dobj")]
        givers: list[ActorRef] = []
        for holder in [verb, *objects]:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "from":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            givers.extend(self.resolver.phrase(obj)[0])
        if not givers or not objects:
            return []
        tokens = chain(verb)
        assets = [a for head in objects for a in expand(self.doc, head, self.lex, coming)]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        recipient = self.resolver.one(subjects[0])[0] if subjects and not coming else None
        givers = [g for g in givers if recipient is None or g["key"] != recipient["key"]]
        is_neg = negated(verb, tokens, self.lex)
        st = status(verb, tokens, self.lex, is_neg)
        return self._records(givers, None, assets, recipient, is_neg, st, tokens, verb)

    def ready_for(self, adjective: Token) -> list[CommitmentRec]:
        """ "Italy is ready for a military mission": the readiness offers the mission."""
        heads = [
            g
            for c in adjective.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children
            if g.dep_ == "pobj" and is_assetlike(g, self.lex)
        ]
        if not heads:
            return []
        tokens = chain(adjective)
        assets = [a for head in heads for a in expand(self.doc, head, self.lex, True)]
        actors, speaker, _ = subject(self.sent, adjective, False, self.resolver, self.lex)
        if adjective.dep_ in ("oprd", "ccomp", "xcomp") and not actors:
            actors, speaker, _ = subject(self.sent, adjective.head, False, self.resolver, self.lex)
        if not assets or not actors:
            return []
        is_neg = negated(adjective, tokens, self.lex)
        st = "refused" if is_neg else "offered"
        recipient = recipient_of(adjective, heads, self.resolver)
        return self._records(actors, speaker, assets, recipient, is_neg, st, tokens, adjective)

    def happens(self, verb: Token) -> list[CommitmentRec]:
        """ "The intervention would take place if ...": an asset that happens is its actor's."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and is_assetlike(c, self.lex)]
        if not subjects or self.resolver.focus is None:
            return []
        tokens = chain(verb)
        assets = expand(self.doc, subjects[0], self.lex, True)
        actor = self.resolver.owner(subjects[0]) or self.resolver.focus
        is_neg = negated(verb, tokens, self.lex)
        st = status(verb, tokens, self.lex, is_neg)
        return self._records([actor], None, assets, None, is_neg, st, tokens, verb)

    def arrival(self, verb: Token) -> list[CommitmentRec]:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            return []
        head = force_in(subjects[0], self.lex)
        if head is None:
            head = subjects[0] if is_assetlike(subjects[0], self.lex) else None
        if head is None:
            return []
        actor = self.resolver.owner(head)
        if actor is None:
            for token in head.subtree:
                actor = self.resolver.at(token)
                if actor:
                    break
        if actor is None:
            return []
        tokens = chain(verb)
        assets = expand(self.doc, head, self.lex, False)
        st = status(verb, tokens, self.lex, False)
        recipient = recipient_of(verb, [head], self.resolver)
        return self._records([actor], None, assets, recipient, False, st, tokens, verb)

    def refusal(self, verb: Token) -> list[CommitmentRec]:
        lex = self.lex
        if missing_particle(verb):
            return []
        heads: list[Token] = []
        for child in verb.children:
            target = child
            if child.dep_ == "prep" and child.lower_ in ("to", "against"):
                target = next((g for g in child.children if g.dep_ == "pobj"), child)
            elif child.dep_ != "dobj":
                continue
            if target.pos_ not in ("NOUN", "PROPN"):
                continue
            if target.lower_ in lex.request_nouns:
                for prep in target.subtree:
                    if prep.dep_ == "prep" and prep.lower_ == "for":
                        heads.extend(
                            g
                            for g in prep.children
                            if g.dep_ == "pobj" and g.pos_ == "NOUN" and is_assetlike(g, lex)
                        )
            elif is_assetlike(target, lex):
                heads.append(target)
        if not heads:
            return []
        assets = [a for head in heads for a in expand(self.doc, head, lex, True)]
        actors, speaker, _ = subject(self.sent, verb, False, self.resolver, lex)
        if not assets or not actors:
            return []
        recipient = recipient_of(verb, [a[2] for a in assets], self.resolver)
        return self._records(actors, speaker, assets, recipient, True, "refused", [self.sent.root], verb)

    def noun(self, noun: Token) -> list[CommitmentRec]:
        lex = self.lex
        if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.give_verbs for c in noun.children):
            return []
        owner = self.resolver.owner(noun)
        if owner is None:
            return []
        heads = [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        strict = noun.lower_ not in ("pledge", "pledges", "commitment", "offer", "contribution", "donation")
        assets = [
            a for head in heads if head.ent_type_ != "PERSON" for a in expand(self.doc, head, lex, strict)
        ]
        if not assets and noun.lower_ in SELF_ASSETS:
            assets = expand(self.doc, noun, lex, False)
        if not assets:
            return []
        st = lex.noun_triggers[noun.lower_]
        if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            head_status = status(noun.head, chain(noun.head), lex, False)
            event = noun.lower_ in SELF_ASSETS and head_status == "ongoing"
            st = head_status if head_status == "possible" or event else st
        is_neg = any(c.lower_ == "no" for c in noun.children)
        st = "refused" if is_neg else st
        return self._records([owner], None, assets, None, is_neg, st, [noun], noun)

    def _exchange(
        self, verb: Token, actors: list[ActorRef], st: str, tokens: list[Token]
    ) -> list[CommitmentRec]:
        """ "X delivers A in exchange for Y's B": B is Y's commitment to X."""
        out: list[CommitmentRec] = []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in ("exchange", "return"):
                    continue
                for inner in noun.children:
                    goods = [g for g in inner.children if inner.lower_ == "for" and g.dep_ == "pobj"]
                    for good in goods:
                        owner = self.resolver.owner(good)
                        if owner is None or any(a["key"] == owner["key"] for a in actors) or st == "refused":
                            continue
                        assets = expand(self.doc, good, self.lex, True)
                        receiver = actors[0] if actors else None
                        out.extend(self._records([owner], None, assets, receiver, False, st, [good], good))
        return out

    def _records(
        self,
        actors: list[ActorRef],
        speaker: str | None,
        assets: list[tuple[str, int, Token]],
        recipient: ActorRef | None,
        is_neg: bool,
        st: str,
        tokens: list[Token],
        trigger: Token,
    ) -> list[CommitmentRec]:
        conditions = [
            ConditionRec(text=text, start=start, depends=None)
            for text, start in clause_conditions(self.sent, tokens, st == "ongoing")
            if not any(
                a_start <= start < a_start + len(a_text)
                for a_text, a_start, head in assets
                if head.dep_ not in ("nsubj", "nsubjpass")
            )
        ]
        words = [trigger.text, *(c.text for c in trigger.children if c.dep_ == "prt")]
        reporter = reporter_of(tokens[-1], self.resolver, self.lex)
        return [
            CommitmentRec(
                sent=list(self.span),
                actor=actor,
                speaker=speaker or (reporter[1] if reporter and reporter[0]["key"] == actor["key"] else None),
                assets=[[text, start] for text, start, _ in assets],
                recipient=recipient if recipient is None or recipient["key"] != actor["key"] else None,
                negated=is_neg,
                status=st,
                conditions=list(conditions),
                trigger=" ".join(words),
                anchor=trigger.idx,
            )
            for actor in actors
        ]


def _trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    return start, sent.start_char + len(text.rstrip())


def _dedupe(records: list[CommitmentRec]) -> list[CommitmentRec]:
    seen: set[tuple[str, int]] = set()
    out = []
    for record in records:
        fresh = [a for a in record["assets"] if (record["actor"]["key"], int(a[1])) not in seen]
        if not fresh:
            continue
        seen.update((record["actor"]["key"], int(a[1])) for a in fresh)
        record["assets"] = fresh
        out.append(record)
    return out
