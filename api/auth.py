"""Writes need a configured token, sent as `Authorization: Bearer <token>`."""

from __future__ import annotations

import hmac

from flask import request

from api.context import state
from kg.errors import Unauthorized, WritesDisabled


def require_writer() -> None:
    """`WritesDisabled` (403) without a configured token, `Unauthorized` (401) on a wrong one."""
    token = state().config.update_token
    if not token:
        raise WritesDisabled(
            "writes are disabled on this server", detail="start it with KG_UPDATE_TOKEN set to allow them"
        )
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise Unauthorized("this write needs the header 'Authorization: Bearer <token>'")
