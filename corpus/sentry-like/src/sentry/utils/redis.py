"""Redis clients by cluster name (a stand-in: only the names tests call matter here)."""

from __future__ import annotations

from typing import Any


class _Manager:
    def __init__(self) -> None:
        self._clients: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        import redis

        return self._clients.setdefault(name, redis.Redis(db=9))


clusters = _Manager()
