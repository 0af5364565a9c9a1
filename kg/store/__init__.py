"""Graph stores: the embedded Oxigraph default and a remote SPARQL 1.1 server."""
