"""The SPARQL 1.1 Service Description answered by a bare `GET /sparql`."""

from __future__ import annotations

from flask import Request, Response
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF

from api.negotiation import GRAPH, choose

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV")
RDF_FORMATS = ("Turtle", "N-Triples", "N-Quads", "TriG", "RDF_XML", "JSON-LD")
RDFLIB_NAMES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/n-quads": "nquads",
    "application/trig": "trig",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


def graph(endpoint: str) -> Graph:
    """The description of the endpoint at `endpoint`."""
    description = Graph()
    description.bind("sd", SD)
    service, dataset = URIRef(endpoint), BNode()
    description.add((service, RDF.type, SD.Service))
    description.add((service, SD.endpoint, service))
    for language in (SD.SPARQL11Query, SD.SPARQL11Update):
        description.add((service, SD.supportedLanguage, language))
    for name in (*RESULT_FORMATS, *RDF_FORMATS):
        description.add((service, SD.resultFormat, FORMATS[name]))
    description.add((service, SD.feature, SD.BasicFederatedQuery))
    description.add((service, SD.defaultDataset, dataset))
    description.add((dataset, RDF.type, SD.Dataset))
    return description


def response(request: Request) -> Response:
    """The description in the negotiated RDF syntax (Turtle by default)."""
    media_type = choose("graph", request.headers.get("Accept"), request.args.get("format"))
    if media_type not in GRAPH:
        media_type = "text/turtle"
    text = graph(request.base_url).serialize(format=RDFLIB_NAMES[media_type])
    return Response(text, content_type=f"{media_type}; charset=utf-8")
