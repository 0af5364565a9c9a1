"""commitment-kg: who commits what to whom, under which conditions, as an RDF graph."""

__version__ = "0.1.0"

__all__ = ["__version__"]
