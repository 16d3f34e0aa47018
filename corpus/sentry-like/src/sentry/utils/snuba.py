"""Query Snuba over HTTP (a stand-in: only the names tests import matter here)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from sentry.snuba.dataset import Dataset

SNUBA_URL = "http://127.0.0.1:1218"


class SnubaError(Exception):
    pass


def _post(path: str, body: dict[str, Any]) -> dict[str, Any]:
    payload = json.dumps(body).encode()
    request = urllib.request.Request(SNUBA_URL + path, data=payload, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def raw_query(
    dataset: Dataset,
    selected_columns: list[str],
    filter_keys: dict[str, list[int]],
    tenant_ids: dict[str, int] | None = None,
    **kwargs: Any,
) -> dict[str, Any]:
    body = {
        "dataset": dataset.value,
        "selected_columns": selected_columns,
        "filter_keys": filter_keys,
        "tenant_ids": tenant_ids or {},
        **kwargs,
    }
    return _post(f"/{dataset.value}/snql", body)


def raw_snql_query(request: dict[str, Any], referrer: str) -> dict[str, Any]:
    return _post("/events/snql", {"request": request, "referrer": referrer})
