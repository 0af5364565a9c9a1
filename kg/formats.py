"""RDF serialisations by name and file extension, written by the Oxigraph engine."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def rdf_format(name: str) -> ox.RdfFormat:
    """The RDF format for a name such as `trig` or `turtle`."""
    try:
        return RDF_FORMATS[name.lower().lstrip(".")]
    except KeyError:
        known = ", ".join(sorted(RDF_FORMATS))
        raise UsageError(f"unknown RDF format {name!r}", detail=f"known formats: {known}") from None


def format_for_path(path: str | Path) -> ox.RdfFormat:
    """The RDF format a file's extension names (`.trig`, `.nq`, `.ttl`, `.nt`, `.jsonld`, `.rdf` ...)."""
    suffix = Path(path).suffix
    if not suffix:
        raise UsageError(f"cannot tell the RDF format of {str(path)!r}: it has no extension")
    return rdf_format(suffix)
