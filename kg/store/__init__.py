"""Graph stores: the embedded Oxigraph default and a remote SPARQL 1.1 server.

`open_store(spec)` picks the backend: an http(s) URL is a remote SPARQL endpoint, anything else
a directory holding the embedded store.
"""

from __future__ import annotations

import os
import urllib.parse

from kg.store.base import Dataset, QueryOutput, Store
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore

# Virtuoso's authenticated SPARQL endpoint and its Graph Store Protocol sibling.
VIRTUOSO_GSP = {"/sparql-auth": "/sparql-graph-crud-auth"}


def open_store(spec: str, *, read_only: bool = False, create: bool = True) -> Store:
    """Open the store named by `spec`: a directory (embedded, created when missing) or an http(s) URL.

    Remote credentials come from the URL's user info or `KG_STORE_USER` / `KG_STORE_PASSWORD`;
    `KG_STORE_AUTH` is `digest` (default) or `basic`; `KG_STORE_GSP` names a Graph Store Protocol
    endpoint for bulk writes (Virtuoso's is found from `/sparql-auth`).
    """
    if spec.startswith(("http://", "https://")):
        return remote_store(spec)
    return EmbeddedStore(spec, read_only=read_only, create=create)


def remote_store(url: str) -> RemoteStore:
    """A remote store for an endpoint URL, its credentials taken out of the URL."""
    parts = urllib.parse.urlsplit(url)
    user = urllib.parse.unquote(parts.username) if parts.username else os.environ.get("KG_STORE_USER")
    password = urllib.parse.unquote(parts.password) if parts.password else os.environ.get("KG_STORE_PASSWORD")
    netloc = parts.hostname or ""
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    endpoint = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    graph_store = os.environ.get("KG_STORE_GSP")
    if graph_store is None:
        for suffix, sibling in VIRTUOSO_GSP.items():
            if parts.path.endswith(suffix):
                path = parts.path[: -len(suffix)] + sibling
                graph_store = urllib.parse.urlunsplit((parts.scheme, netloc, path, "", ""))
    return RemoteStore(
        endpoint,
        user=user,
        password=password,
        auth=os.environ.get("KG_STORE_AUTH", "digest"),
        graph_store=graph_store,
    )


__all__ = ["Dataset", "EmbeddedStore", "QueryOutput", "RemoteStore", "Store", "open_store"]
