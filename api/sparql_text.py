"""A SPARQL tokeniser just fine enough to find keywords outside strings, IRIs and comments."""

from __future__ import annotations

import re
from collections.abc import Iterator

TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)
  | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w\-.\u00b7-\uffff]*)?:
              (?:[\w\-.:%\\\u00b7-\uffff]*[\w\-:%\u00b7-\uffff])?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<semicolon>;)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """Yield (kind, text, offset) for every token but spaces and comments."""
    for match in TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield kind, match.group(), match.start()


def unescape(text: str) -> str:
    """Replace `\\uXXXX` and `\\UXXXXXXXX` code point escapes, which SPARQL allows anywhere."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
