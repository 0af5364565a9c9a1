"""One module per kind of endpoint, each a Flask blueprint."""
