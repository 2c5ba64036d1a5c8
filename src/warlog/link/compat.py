"""When two reports' events may be one real-world event.

The evidence is weighed in ``warlog.link.evidence``; this module keeps the names the
rest of linking calls (``compatible``, ``closeness``, ``places_agree``, ``distance_km``).
"""

from __future__ import annotations

from warlog.link.evidence import (
    RADIUS_KM,
    closeness,
    compatible,
    distance_km,
    place_factor,
    weigh,
)
from warlog.model import Place

__all__ = ["RADIUS_KM", "closeness", "compatible", "distance_km", "places_agree", "weigh"]


def places_agree(p: Place | None, q: Place | None) -> bool:
    """The two places can be one event's place (nothing about them rules it out)."""
    if p is None or q is None:
        return False
    return place_factor(p, q).weight != float("-inf")
