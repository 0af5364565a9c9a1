"""The ontology files shipped with the package, and the generated RDF/XML copy for Protégé.

Turtle is the source. `python -m kg.owl` (or `make ontology`) regenerates `commitment-kg.owl`;
the tests fail when the copy no longer matches its source.
"""

from __future__ import annotations

import sys
from importlib.resources import as_file, files
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph

from kg.namespaces import PREFIXES
from kg.oxterms import oxigraph_triples

ONTOLOGY_TURTLE = "commitment-kg.ttl"
ONTOLOGY_RDFXML = "commitment-kg.owl"
SHAPES_TURTLE = "shapes.ttl"
GENERATED_NOTE = (
    "Generated from commitment-kg.ttl by `make ontology`; do not edit. Turtle is the source of the ontology."
)


def resource_text(name: str) -> str:
    """The text of one file of the installed ontology package."""
    return (files("kg.ontology") / name).read_text(encoding="utf-8")


def resource_path(name: str) -> Path:
    """A filesystem path to one ontology file (the package is installed unzipped)."""
    with as_file(files("kg.ontology") / name) as path:
        return Path(path)


def load_ontology() -> Graph:
    """The ontology as an rdflib graph, parsed from its Turtle source."""
    graph = Graph()
    graph.parse(data=resource_text(ONTOLOGY_TURTLE), format="turtle")
    return graph


def load_shapes() -> Graph:
    """The SHACL shapes a valid extracted graph conforms to."""
    graph = Graph()
    graph.parse(data=resource_text(SHAPES_TURTLE), format="turtle")
    return graph


def render_rdfxml(graph: Graph) -> str:
    """RDF/XML that the OWL API and Protégé read with no unparsed triple, the same bytes each run."""
    named_subjects_first = sorted(
        to_canonical_graph(graph), key=lambda t: (isinstance(t[0], BNode), t[0], t[1], t[2])
    )
    body = ox.serialize(
        oxigraph_triples(named_subjects_first), format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES
    )
    assert body is not None  # serialize returns bytes when given no output
    header, _, rest = body.decode("utf-8").partition("\n")
    return f"{header}\n<!-- {GENERATED_NOTE} -->\n{rest}"


def main() -> int:
    """Regenerate the RDF/XML copy next to the Turtle source."""
    target = resource_path(ONTOLOGY_RDFXML)
    target.write_text(render_rdfxml(load_ontology()), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
