"""The API's settings, read once from the environment (flags of `kg serve` may override them)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from kg.errors import ConfigurationError

MiB = 1024 * 1024


@dataclass(frozen=True)
class ApiConfig:
    """Everything the app needs to know besides its store."""

    update_token: str | None = None
    query_timeout: float = 30.0
    max_body_bytes: int = 8 * MiB
    max_result_bytes: int = 64 * MiB
    result_cache_bytes: int = 64 * MiB
    fetch_allow: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    spacy_model: str | None = None

    @property
    def writes_enabled(self) -> bool:
        """Writes are possible only once a token is configured."""
        return bool(self.update_token)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ApiConfig:
        """Read the `KG_*` settings (see the README's HTTP API section)."""
        env = os.environ if env is None else env
        return cls(
            update_token=env.get("KG_UPDATE_TOKEN") or None,
            query_timeout=_number(env, "KG_QUERY_TIMEOUT", cls.query_timeout),
            max_body_bytes=int(_number(env, "KG_MAX_BODY_BYTES", cls.max_body_bytes)),
            max_result_bytes=int(_number(env, "KG_MAX_RESULT_BYTES", cls.max_result_bytes)),
            result_cache_bytes=int(_number(env, "KG_RESULT_CACHE_BYTES", cls.result_cache_bytes, zero=True)),
            fetch_allow=tuple(env.get("KG_FETCH_ALLOW", "").split()),
            cors_origins=tuple(env.get("KG_CORS_ORIGINS", "").split()),
            spacy_model=env.get("KG_SPACY_MODEL") or None,
        )


def _number(env: Mapping[str, str], name: str, default: float, *, zero: bool = False) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a number, not {raw!r}") from None
    if value < 0 or (value == 0 and not zero):
        raise ConfigurationError(f"{name} must be {'zero or more' if zero else 'positive'}, not {raw!r}")
    return value
