"""The commitment-kg OWL ontology (Turtle source, generated RDF/XML) and SHACL shapes, as package data."""
