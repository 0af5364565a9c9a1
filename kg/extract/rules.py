"""The rules that read commitments from one parsed sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.assets import core, expand, is_assetlike, label, value_head
from kg.extract.clauses import CLIMB, chain, negated, status
from kg.extract.conditions import MARKS as CONDITION_MARKS
from kg.extract.conditions import clause_conditions
from kg.extract.lexicon import Lexicon
from kg.extract.records import ActorRef, CommitmentRec, ConditionRec
from kg.extract.resolve import PRONOUNS, Resolver

CONTEXT = "@context"
RELATIVISERS = {"which", "that", "who", "whom"}
SELF_ASSETS = {"deployment", "donation", "contribution", "delivery", "deliveries", "transfer"}
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

Found = tuple[list[ActorRef], str | None, Token | None]


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
                if self._missing_particle(token) and lemma not in lex.give_strong:
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
        if lemma in lex.give_weak and self._purpose(verb):
            return []
        tokens = chain(verb)
        if self._blocked(tokens):
            return []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
        )
        objects, recipient = self._objects(verb, passive)
        strict = lemma in lex.give_weak and lemma != "make"
        objects += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "NUM") and objects]
        objects = [o for o in objects if not any(c.lower_ in ("how", "what") for c in o.subtree if c.i < o.i)]
        assets = [a for head in objects for a in expand(self.doc, head, lex, strict)]
        if assets:
            assets.extend(self._including(verb, {a[2].i for a in assets}))
        if not assets:
            return []
        if lemma in ("include", "provide", "contain", "comprise", "cover"):
            assets = self._summary(verb) + assets
        actors, speaker, gate = self.subject(verb, tokens, passive)
        if not actors:
            actors = self._owner_of_assets(assets)
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
        recipient = recipient or self._recipient(verb, [a[2] for a in assets])
        out = self._records(actors, speaker, assets, recipient, is_neg, st, tokens, verb)
        out.extend(self._exchange(verb, actors, st, tokens))
        if gate is not None and gate.dep_ == "dobj" and gate.head.lemma_.lower() in lex.refusal_verbs:
            refusers, who, _ = self.subject(gate.head, chain(gate.head), False)
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
        if not heads or self._blocked(tokens):
            return []
        assets = [a for head in heads for a in expand(self.doc, head, self.lex, False)]
        actors, speaker, _ = self.subject(verb, tokens, False)
        if not assets or not actors:
            return []
        is_neg = negated(verb, tokens, self.lex)
        st = status(verb, tokens, self.lex, is_neg)
        recipient = self._recipient(verb, [a[2] for a in assets])
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
        actors, speaker, _ = self.subject(adjective, tokens, False)
        if adjective.dep_ in ("oprd", "ccomp", "xcomp") and not actors:
            actors, speaker, _ = self.subject(adjective.head, chain(adjective.head), False)
        if not assets or not actors:
            return []
        is_neg = negated(adjective, tokens, self.lex)
        st = "refused" if is_neg else "offered"
        recipient = self._recipient(adjective, heads)
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
        head = _force_in(subjects[0], self.lex)
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
        recipient = self._recipient(verb, [head])
        return self._records([actor], None, assets, recipient, False, st, tokens, verb)

    def refusal(self, verb: Token) -> list[CommitmentRec]:
        lex = self.lex
        if self._missing_particle(verb):
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
        tokens = chain(verb)
        assets = [a for head in heads for a in expand(self.doc, head, lex, True)]
        actors, speaker, _ = self.subject(verb, tokens, False)
        if not assets or not actors:
            return []
        recipient = self._recipient(verb, [a[2] for a in assets])
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

    # -- parts ------------------------------------------------------------------------------
    def subject(self, verb: Token, tokens: list[Token], passive: bool) -> Found:
        """Who commits: the subject up the chain, a noun's owner, the agent of a passive, a headline."""
        resolver = self.resolver
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
                return self._context_actor(), None, None
            subjects = [
                c
                for c in token.children
                if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and token.i != verb.i)
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
                    owned = is_assetlike(subj, self.lex) or subj.lower_ in self.lex.noun_triggers
                    owner = resolver.owner(subj) if owned else None
                    if owner is None and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
                        token = token.head
                        continue
                    if owner is None and is_assetlike(subj, self.lex):
                        return self._context_actor(), None, None
                    if owner is None and subj.lemma_.lower() in self.lex.government_nouns:
                        return [context_placeholder(subj)], None, None
                    return ([owner] if owner else []), None, None
                return [], None, None
            noun_obj = self._misattached(token) if token.i == verb.i else None
            if (token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN")) or noun_obj is not None:
                noun = noun_obj if noun_obj is not None else token.head
                if noun.lower_ in self.lex.noun_triggers:
                    owner = resolver.owner(noun)
                    if owner is not None:
                        return [owner], None, noun
                if noun.lower_ not in self.lex.request_nouns:
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
        for candidate in self.sent:
            if candidate.i >= verb.i:
                break
            actor = resolver.at(candidate)
            if actor is None or candidate.dep_ not in ("npadvmod", "nsubj", "ROOT", "dep", "compound"):
                continue
            if candidate.head.i >= verb.i or "ROOT" in (candidate.dep_, candidate.head.dep_):
                return [actor], None, None
        return [], None, None

    def _reporter(self, top: Token) -> tuple[ActorRef, str] | None:
        """The person whose words report the clause ("Chancellor X said that Berlin ...")."""
        if top.dep_ != "ccomp" or top.head.lemma_.lower() not in self.lex.speech_verbs:
            return None
        for child in top.head.children:
            if child.dep_ == "nsubj":
                actor, who = self.resolver.one(child)
                if actor is not None and who:
                    return actor, who
        return None

    @staticmethod
    def _missing_particle(verb: Token) -> bool:
        """ "hand" without "over", "rule" without "out": not the phrasal verb the lists mean."""
        lemma = verb.lemma_.lower()
        return lemma in PARTICLES and not any(c.lower_ == PARTICLES[lemma] for c in verb.children)

    def _context_actor(self) -> list[ActorRef]:
        """The actor in focus; the document's main actor (decided at its end) when there is none yet."""
        focus = self.resolver.focus
        return [focus] if focus is not None else [context_placeholder(None)]

    def _objects(self, verb: Token, passive: bool) -> tuple[list[Token], ActorRef | None]:
        children = list(verb.children)
        with_objs = [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        recipient = None
        for dative in (c for c in children if c.dep_ == "dative"):
            target = (
                next((g for g in dative.children if g.dep_ == "pobj"), dative)
                if dative.pos_ == "ADP"
                else dative
            )
            recipient = self.resolver.one(target)[0]
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in children):
            return [verb.head], recipient
        if passive:
            return [c for c in children if c.dep_ == "nsubjpass"], recipient
        dobjs = [c for c in children if c.dep_ == "dobj"]
        if dobjs:
            obj = dobjs[0]
            actor = self.resolver.at(obj)
            if (
                with_objs
                and verb.lemma_.lower() in self.lex.with_verbs
                and (actor is not None or obj.lower_ in ("each", "other") or not is_assetlike(obj, self.lex))
            ):
                if actor is not None:
                    recipient = actor
                return with_objs, recipient
            if obj.lower_ in RELATIVISERS:
                return self._antecedent(verb), recipient
            if obj.lower_ in ("it", "them") and verb.lemma_.lower() in self.lex.give_strong:
                antecedent = self._antecedent_asset(obj)
                return ([antecedent] if antecedent is not None else []), recipient
            if obj.lower_ in PRONOUNS:
                return [], recipient
            if actor is not None and obj.ent_type_ in ("GPE", "NORP", "ORG", ""):
                return [], recipient
            return [obj], recipient
        if with_objs and verb.lemma_.lower() in self.lex.with_verbs:
            return with_objs, recipient
        to_objs = [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj" and self.resolver.at(g) is None and is_assetlike(g, self.lex)
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
        return self._antecedent(verb), recipient

    @staticmethod
    def _antecedent(verb: Token) -> list[Token]:
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

    def _purpose(self, verb: Token) -> bool:
        """ "... to support any deployment": a purpose clause of another giving, not a commitment."""
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        head = verb.head
        if verb.dep_ == "acl" and (
            head.lower_ in self.lex.noun_triggers
            or head.lemma_.lower() in INTENT_NOUNS
            or head.lower_ in self.lex.request_nouns
        ):
            return False
        if verb.dep_ in ("advcl", "acl"):
            return True
        return verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)

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

    def _antecedent_asset(self, pronoun: Token) -> Token | None:
        """The thing "it" stands for: the nearest asset named before it (this sentence or the last)."""
        sent = pronoun.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for token in reversed(self.doc[start : pronoun.i]):
            if (
                token.pos_ in ("NOUN", "PROPN")
                and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
                and is_assetlike(token, self.lex)
                and self.resolver.at(token) is None
            ):
                return token
        return None

    def _misattached(self, verb: Token) -> Token | None:
        """ "rejected an offer by X on Tuesday to transfer ...": the infinitive belongs to the offer."""
        if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        for child in verb.head.children:
            if (
                child.dep_ == "dobj"
                and child.i < verb.i
                and (child.lower_ in self.lex.noun_triggers or child.lower_ in self.lex.request_nouns)
            ):
                return child
        return None

    def _including(self, verb: Token, seen: set[int]) -> list[tuple[str, int, Token]]:
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
                    found = expand(self.doc, obj, self.lex, False)
                    out.extend(a for a in found if a[2].i not in seen)
                    seen.update(a[2].i for a in found)
        return out

    def _summary(self, verb: Token) -> list[tuple[str, int, Token]]:
        """ "Some of the assistance from Canada includes X, Y": the summary noun is an asset too."""
        for child in verb.children:
            if child.dep_ == "nsubj" and is_assetlike(child, self.lex) and child.lower_ not in PRONOUNS:
                head = value_head(child, self.lex)
                text, start = label(self.doc, core(head))
                return [(text, start, head)]
        return []

    def _owner_of_assets(self, assets: list[tuple[str, int, Token]]) -> list[ActorRef]:
        """ "sending U.S. troops": troops named by their state are that state's commitment."""
        for _, _, head in assets:
            owner = self.resolver.owner(head)
            if owner is not None and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
                return [owner]
            if head.lemma_.lower() in self.lex.force_nouns:
                for child in head.children:
                    if child.dep_ in ("compound", "amod", "poss", "nmod"):
                        actor = self.resolver.at(child)
                        if actor is not None:
                            return [actor]
        return []

    def _recipient(self, verb: Token, heads: list[Token]) -> ActorRef | None:
        for holder in [verb, *heads]:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "for"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            actor = self.resolver.one(obj)[0]
                            if actor is not None:
                                return actor
        return None

    def _blocked(self, tokens: list[Token]) -> bool:
        """A demand, request or hope of someone else, or an obligation, is no commitment."""
        lemmas = {t.lemma_.lower() for t in tokens[1:]}
        top = tokens[-1]
        if top.dep_ in ("ccomp", "advcl") and top.head.lemma_.lower() in self.lex.demand_verbs:
            return True
        if lemmas & self.lex.demand_verbs and not lemmas & self.lex.refusal_verbs:
            return True
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for t in tokens for c in t.children):
            return True
        return any(c.lower_ in OBLIGATION and c.dep_ == "aux" for t in tokens for c in t.children)

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
        reporter = self._reporter(tokens[-1])
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


def context_placeholder(subject: Token | None) -> ActorRef:
    """Stands for "the document's main actor" until the whole document has been read."""
    surface = subject.text if subject is not None else ""
    return ActorRef(key=CONTEXT, label="", type="State", wikidata=None, surface=surface)


def _force_in(head: Token, lex: Lexicon) -> Token | None:
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
