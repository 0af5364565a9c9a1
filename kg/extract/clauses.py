"""Clause structure around a trigger: the chain of governing words, negation, status."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import Lexicon

CLIMB = {"xcomp", "acomp", "acl", "dobj", "pobj", "prep", "pcomp", "advcl", "conj", "attr", "oprd", "dep"}
NEGATORS = {"not", "n't", "never", "no"}
FUTURE = {"will", "shall", "'ll", "wo"}
POSSIBLE = {"could", "may", "might", "can"}
ASPECTUAL = {"continue", "begin", "start", "go", "move", "try", "seek", "prepare", "aim"}


def chain(trigger: Token) -> list[Token]:
    """The trigger and the words that govern it up to its clause's head (a ccomp or root stops it)."""
    out = [trigger]
    token = trigger
    while (token.dep_ in CLIMB or _infinitive_complement(token)) and token.head.i != token.i:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        gerund_object = token.tag_ == "VBG" and not any(c.dep_ == "dobj" for c in token.head.children)
        if token.dep_ == "advcl" and not (infinitive or gerund_object):
            break
        token = token.head
        out.append(token)
    return out


def words(tokens: list[Token]) -> set[str]:
    """Lemmas of the chain."""
    return {t.lemma_.lower() for t in tokens}


def auxiliaries(tokens: list[Token]) -> set[str]:
    """Auxiliaries and negators attached to the chain's verbs and adjectives."""
    out = set()
    for token in tokens:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("ROOT",):
            continue
        for child in token.children:
            if child.dep_ in ("aux", "auxpass", "neg", "advmod") or child.lower_ in NEGATORS:
                out.add(child.lower_)
    return out


def negated(trigger: Token, tokens: list[Token], lex: Lexicon) -> bool:
    """Whether the actor refuses: a negator, a refusal verb or adjective, or "no plans to"."""
    for token in tokens:
        lemma = token.lemma_.lower()
        if (token.pos_ in ("VERB", "AUX", "ADJ") or token.dep_ == "ROOT") and any(
            c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for c in token.children
        ):
            return True
        if token.i != trigger.i and lemma in lex.refusal_verbs and token.pos_ == "VERB":
            if lemma == "rule" and not any(c.lower_ == "out" for c in token.children):
                continue
            return True
        if lemma in lex.refusal_adjectives or token.lower_ in lex.refusal_adjectives:
            return True
        if token.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ == "det" for c in token.children):
            return True
    return False


def reported(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether the clause is reported speech or an agreement introduced before it ("said that X would")."""
    top = tokens[-1]
    head = top.head
    introducers = lex.speech_verbs | lex.pledge_verbs
    return top.dep_ == "ccomp" and head.lemma_.lower() in introducers and head.i < top.i


def status(trigger: Token, tokens: list[Token], lex: Lexicon, is_negated: bool) -> str:
    """The commitment's status from the modal and aspectual cues of its chain."""
    if is_negated:
        return "refused"
    lemmas = words(tokens)
    aux = auxiliaries(tokens)
    if lemmas & lex.offer_verbs or (lemmas & lex.ready_adjectives) - {"able"}:
        return "possible" if aux & {"could", "might", "may"} else "offered"
    if lemmas & lex.possible_verbs or aux & POSSIBLE or "possible" in lemmas:
        return "possible"
    if (lemmas & lex.pledge_verbs) - ASPECTUAL:
        return "pledged"
    if "would" in aux:
        return "pledged" if reported(tokens, lex) else "possible"
    if aux & FUTURE or lemmas & {"go", "plan"}:
        return "pledged"
    if "already" in aux or "so far" in aux:
        return "ongoing"
    top = _finite(tokens)
    if top is None:
        return "pledged"
    if top.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in top.children):
        return "ongoing"
    if top.tag_ in ("VBD", "VBN"):
        return "ongoing" if lemmas & lex.ongoing_past_verbs or lemmas & ASPECTUAL else "pledged"
    if top.tag_ in ("VBZ", "VBP"):
        if any(c.lower_ == "to" and c.dep_ == "aux" for c in trigger.children) and top.lemma_ == "be":
            return "pledged"
        return "ongoing"
    return "pledged"


def _finite(tokens: list[Token]) -> Token | None:
    """The verb of the chain that carries tense (the highest verb with a subject or auxiliary)."""
    for token in reversed(tokens):
        if token.pos_ not in ("VERB", "AUX") or token.tag_ == "TO":
            continue
        aux = [c for c in token.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
        if token.tag_ in ("VBD", "VBZ", "VBP") or aux:
            finite = aux and aux[0].tag_ in ("VBD", "VBZ", "VBP") and token.tag_ != "VBG"
            return aux[0] if finite else token
    return None


def _infinitive_complement(token: Token) -> bool:
    """ "weighing whether to send ...": an infinitive clause belongs to the verb that governs it."""
    return token.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
