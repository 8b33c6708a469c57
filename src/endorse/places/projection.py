"""Where a place falls on the world map: the Equal Earth projection and the map's frame.

Equal Earth (Šavrič, Patterson and Jenny, 2018) is an equal-area projection:
countries keep their relative sizes, so that shading by signatories does not
make the far north look heavier than it is. `scripts/make_world_map.py`
projects the borders with it at generation time, and the map's dots are
projected with it when a page is drawn, so that both fall in one frame
(`Frame`, stored with the borders in data/world.json).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

_A1: Final = 1.340264
_A2: Final = -0.081106
_A3: Final = 0.000893
_A4: Final = 0.003796
_M: Final = math.sqrt(3) / 2


def equal_earth(latitude: float, longitude: float) -> tuple[float, float]:
    """(x, y) of a point on the unit Equal Earth map: x east, y north, both within ±2.71."""
    theta = math.asin(_M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        math.radians(longitude)
        * math.cos(theta)
        / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    )
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


@dataclass(frozen=True)
class Frame:
    """The map's drawing: `width` by `height` units, the unit map's (left, top) at (0, 0),
    `scale` units to the unit map's one."""

    left: float
    top: float
    scale: float
    width: int
    height: int

    def point(self, latitude: float, longitude: float) -> tuple[float, float]:
        """Where a latitude and longitude fall in the drawing (y down, as SVG draws)."""
        x, y = equal_earth(latitude, longitude)
        return (x - self.left) * self.scale, (self.top - y) * self.scale
