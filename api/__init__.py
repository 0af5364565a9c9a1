"""The HTTP API: a Flask app speaking the W3C SPARQL 1.1 Protocol."""
