"""Assets: the shortest phrase that names what is given, and each member of a list its own asset."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.lexicon import Lexicon

CORE_DEPS = {"det", "amod", "compound", "nummod", "quantmod", "poss", "nmod", "case", "advmod", "npadvmod"}
MEMBER_PREPS = {"including", "like", "notably", "especially", "includes"}
MONEY_WORDS = {
    "euros",
    "dollars",
    "pounds",
    "crowns",
    "francs",
    "yen",
    "yuan",
    "rubles",
    "shillings",
    "million",
    "billion",
    "trillion",
    "bn",
    "$",
    "€",
    "£",
}
EDGE_PUNCT = "\"'“”‘’,;:()[]{}-–— "


def is_money(token: Token) -> bool:
    """Whether the phrase head names an amount of money."""
    return token.ent_type_ == "MONEY" or token.lower_ in MONEY_WORDS


def value_head(token: Token, lex: Lexicon) -> Token:
    """The noun a partitive or amount is about: "part of a military aid programme" -> programme."""
    if token.lemma_.lower() in lex.partitives or token.lower_ in lex.partitives or token.pos_ == "NUM":
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return value_head(grand, lex)
    return token


def is_assetlike(token: Token, lex: Lexicon) -> bool:
    """Whether a noun names something of value (for verbs that also take other objects)."""
    token = value_head(token, lex)
    lemma = token.lemma_.lower()
    if lemma in lex.non_assets or token.lower_ in lex.non_assets:
        return False
    if lemma in lex.asset_nouns or token.lower_ in lex.asset_nouns or is_money(token):
        return True
    if token.ent_type_ in ("PRODUCT", "QUANTITY") or token.lower_ in lex.weapon_lower:
        return True
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in lex.asset_nouns for c in token.children)


def acceptable(token: Token, lex: Lexicon) -> bool:
    """Whether a noun may be an asset of a verb that always gives something."""
    if token.pos_ not in ("NOUN", "PROPN", "NUM", "SYM", "X") and not is_money(token):
        return False
    return token.lemma_.lower() not in lex.non_assets and token.lower_ not in lex.non_assets


def core(head: Token) -> list[Token]:
    """The tokens of the phrase headed by `head`, without clauses, lists and most prepositions."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in CORE_DEPS:
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and (
            child.lower_ == "of" or (child.lower_ in ("in", "for") and is_money(head))
        ):
            tokens.append(child)
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    tokens.extend(core(grand))
        elif child.dep_ == "punct" and child.text in "-–" and head.i - 2 <= child.i <= head.i + 2:
            tokens.append(child)
    return tokens


def label(doc: Doc, tokens: list[Token]) -> tuple[str, int]:
    """The text of the phrase (contiguous, edge punctuation stripped) and where it starts."""
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    span = doc[start:end]
    text = span.text
    stripped = text.lstrip(EDGE_PUNCT)
    offset = span.start_char + len(text) - len(stripped)
    return stripped.rstrip(EDGE_PUNCT), offset


def _parenthesised(token: Token) -> bool:
    doc = token.doc
    words = [t for t in token.subtree if not t.is_punct]
    left, right = words[0].i, words[-1].i
    return left > 0 and doc[left - 1].text == "(" and right + 1 < len(doc) and doc[right + 1].text == ")"


def members(head: Token, lex: Lexicon) -> list[Token]:
    """Heads of the members listed with or under `head`: conjuncts, appositions, "including" lists."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ == "appos" and _parenthesised(child):
            continue
        if child.dep_ in ("conj", "appos") and child.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "SYM"):
            if is_money(head) and is_money(child) and child.dep_ == "appos":
                continue
            out.append(child)
            out.extend(members(child, lex))
        elif child.dep_ == "prep" and (
            child.lower_ in MEMBER_PREPS
            or (child.lower_ == "as" and any(g.lower_ == "such" for g in child.children))
        ):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    out.append(grand)
                    out.extend(members(grand, lex))
    inner = value_head(head, lex)
    if inner.i != head.i:
        subs = members(inner, lex)
        if subs:
            out.extend(subs)
    return out


def _acronym_groups(doc: Doc, tokens: list[Token]) -> dict[int, tuple[str, int, list[int]]]:
    """ "intelligence, surveillance and reconnaissance (ISR)": one asset named by its initials.

    Maps the first member of such a group to its label, start and the members it swallows.
    """
    out: dict[int, tuple[str, int, list[int]]] = {}
    for position, token in enumerate(tokens):
        text = token.text
        if not (_parenthesised(token) and text.isupper() and text.isalpha() and 1 < len(text) <= position):
            continue
        group = tokens[position - len(text) : position]
        if [t.text[0].upper() for t in group] == list(text):
            span = doc[group[0].i : token.i + 2]
            out[group[0].i] = (span.text, span.start_char, [t.i for t in group[1:]] + [token.i])
    return out


def _split_modifiers(doc: Doc, head: Token, lex: Lexicon) -> list[tuple[str, int]]:
    """ "artillery and tank shells" -> "artillery shells", "tank shells"."""
    if any(c.tag_ in ("VBG", "VBN") and c.i < head.i for c in head.children):
        return []
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i:
            conj = [c for c in child.children if c.dep_ == "conj" and c.i < head.i]
            if any(c.dep_ not in ("cc", "conj", "punct") for c in child.children):
                continue
            if any(c.pos_ != child.pos_ for c in conj):
                continue
            phrase = doc[child.i : child.right_edge.i + 1].text.lower()
            if conj and any(c.dep_ == "cc" for c in child.children) and phrase not in lex.fixed_coordinations:
                out = []
                for part in (child, *conj):
                    words = (
                        doc[part.i : part.right_edge.i + 1] if part.i != child.i else doc[part.i : part.i + 1]
                    )
                    text = " ".join(
                        t.text for t in words if t.dep_ not in ("cc", "punct", "conj") or t.i == part.i
                    )
                    out.append((f"{text} {doc[child.right_edge.i + 1 : head.i + 1].text}".strip(), part.idx))
                return out
    return []


def expand(doc: Doc, head: Token, lex: Lexicon, strict: bool) -> list[tuple[str, int, Token]]:
    """The asset phrases for an object head: the head (a summary noun) and each listed member."""
    found: list[tuple[str, int, Token]] = []
    head_ok = is_assetlike(head, lex) if strict else acceptable(head, lex)
    listed = [head, *members(head, lex)]
    groups = _acronym_groups(doc, listed)
    swallowed = {i for _, _, rest in groups.values() for i in rest}
    for token in listed:
        if token.i in swallowed or (token.pos_ == "ADJ" and token.i != head.i):
            continue
        if token.i in groups:
            text, start, _ = groups[token.i]
            found.append((text, start, token))
            continue
        ok = is_assetlike(token, lex) if strict and not head_ok else acceptable(token, lex)
        if not ok:
            continue
        split = _split_modifiers(doc, token, lex)
        if split:
            found.extend((text, start, token) for text, start in split)
            continue
        text, start = label(doc, core(token))
        if text and any(ch.isalnum() for ch in text):
            found.append((text, start, token))
    return found
