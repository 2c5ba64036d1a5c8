"""The API's JSON: sorted keys, so the same data gives the same bytes.

Endpoints return a ``SortedJSON`` themselves: FastAPI then skips its own encoding pass
over the content (``jsonable_encoder``, which walks every value of a 100-record page in
Python), and the bytes are made in the request's worker thread, not the event loop.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import JSONResponse


class SortedJSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, sort_keys=True, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
