from __future__ import annotations

from datetime import datetime, timedelta, timezone

__all__ = ["before_now"]


def before_now(**kwargs: float) -> datetime:
    return datetime.now(timezone.utc) - timedelta(**kwargs)
