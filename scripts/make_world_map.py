"""Generate the world map's borders that endorse ships in src/endorse/data/world.json.

    pip install -e ".[places]"
    python scripts/make_world_map.py           # fetch world-atlas with npm, write world.json
    python scripts/make_world_map.py --check   # exit 1 if the shipped file differs
    python scripts/make_world_map.py --source countries-110m.json   # without npm

The borders are Natural Earth's countries at 1:110m (public domain), as the
`world-atlas` npm package (ISC) ships them in TopoJSON; the package's version
and the file's SHA-256 are pinned below, and any other file is refused. The
script decodes the TopoJSON, leaves out Antarctica (no government signs there,
and it would take a fifth of the map), projects every point with Equal Earth
(`endorse.places.projection`) into a frame WIDTH units wide, rounds to whole
units and writes each country's outline as an SVG path, keyed by its ISO
3166-1 alpha-2 code (pycountry, pinned by the `places` extra, turns Natural
Earth's ISO numeric codes into alpha-2). The three shapes with no ISO code
(N. Cyprus, Somaliland, Kosovo) are land with no country. See docs/site.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "endorse" / "data" / "world.json"
PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-110m.json"
SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"
WIDTH = 1600
LEFT_OUT = {"010"}  # Antarctica

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
from endorse.places.projection import Frame, equal_earth  # noqa: E402

Point = tuple[float, float]


def fetch_source(folder: Path) -> bytes:
    """countries-110m.json of the pinned world-atlas, through `npm pack`."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to fetch world-atlas; or give --source FILE")
    subprocess.run(
        [npm, "pack", PACKAGE, "--pack-destination", str(folder), "--silent"],
        check=True,
        capture_output=True,
    )
    (tarball,) = folder.glob("world-atlas-*.tgz")
    with tarfile.open(tarball) as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            raise SystemExit(f"{tarball.name} has no {MEMBER}")
        return member.read()


def generate(source: bytes) -> bytes:
    """world.json's bytes from countries-110m.json's."""
    digest = hashlib.sha256(source).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"countries-110m.json has SHA-256 {digest}, not the pinned {SHA256}")
    topology = json.loads(source)
    shapes = [
        (shape.get("id"), list(_polygons(topology, shape)))
        for shape in topology["objects"]["countries"]["geometries"]
        if shape.get("id") not in LEFT_OUT
    ]
    frame = _frame([point for _, polygons in shapes for ring in polygons for point in ring])
    countries: dict[str, str] = {}
    land: list[str] = []
    for numeric, rings in shapes:
        path = "".join(_ring_path(part, frame) for ring in rings for part in _unwrapped(ring))
        code = _alpha_2(numeric)
        if code is None:
            land.append(path)
        else:
            countries[code] = countries.get(code, "") + path
    content = {
        "source": f"Natural Earth 1:110m countries, {PACKAGE} {MEMBER.removeprefix('package/')}",
        "frame": vars(frame),
        "countries": countries,
        "land": land,
    }
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def _polygons(topology: dict[str, Any], shape: dict[str, Any]) -> Iterator[list[Point]]:
    """A shape's rings as (latitude, longitude) points, arcs joined as TopoJSON says."""
    polygons = shape["arcs"] if shape["type"] == "MultiPolygon" else [shape["arcs"]]
    for polygon in polygons:
        for ring in polygon:
            points: list[Point] = []
            for index in ring:
                arc = _arc(topology, index)
                points.extend(arc if not points else arc[1:])
            yield points


def _arc(topology: dict[str, Any], index: int) -> list[Point]:
    """Arc `index` (~index: reversed) as (latitude, longitude), its quantised deltas summed."""
    (scale_x, scale_y), (move_x, move_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    x = y = 0
    points: list[Point] = []
    for dx, dy in topology["arcs"][index if index >= 0 else ~index]:
        x, y = x + dx, y + dy
        points.append((y * scale_y + move_y, x * scale_x + move_x))
    return points if index >= 0 else points[::-1]


def _unwrapped(ring: list[Point]) -> list[list[Point]]:
    """A ring that crosses the antimeridian (Fiji, Chukotka) cut in two at it, each part
    on its side of the map; other rings as they are."""
    unwrapped = ring[:1]
    for latitude, longitude in ring[1:]:
        previous = unwrapped[-1][1]
        longitude += 360 * round((previous - longitude) / 360)
        unwrapped.append((latitude, longitude))
    longitudes = [longitude for _, longitude in unwrapped]
    if max(longitudes) <= 180 and min(longitudes) >= -180:
        return [ring]
    shift = -360 if max(longitudes) > 180 else 360
    shifted = [(latitude, longitude + shift) for latitude, longitude in unwrapped]
    return [_within_the_world(part) for part in (unwrapped, shifted)]


def _within_the_world(ring: list[Point]) -> list[Point]:
    """The part of a ring between longitudes -180 and 180 (Sutherland-Hodgman, one side
    at a time), new corners on the antimeridian."""
    for side in (-180.0, 180.0):
        inside = (
            (lambda lon, side=side: lon >= side)
            if side < 0
            else (lambda lon, side=side: lon <= side)
        )
        kept: list[Point] = []
        for start, end in zip(ring, ring[1:] + ring[:1], strict=True):
            if inside(end[1]):
                if not inside(start[1]):
                    kept.append(_crossing(start, end, side))
                kept.append(end)
            elif inside(start[1]):
                kept.append(_crossing(start, end, side))
        ring = kept
    return ring


def _crossing(start: Point, end: Point, longitude: float) -> Point:
    share = (longitude - start[1]) / (end[1] - start[1])
    return (start[0] + share * (end[0] - start[0]), longitude)


def _frame(points: Sequence[Point]) -> Frame:
    """A frame WIDTH units wide around the whole world's width and the shapes' height."""
    left, _ = equal_earth(0, -180)
    right, _ = equal_earth(0, 180)
    heights = [equal_earth(latitude, 0)[1] for latitude, _ in points]
    scale = WIDTH / (right - left)
    top, bottom = max(heights), min(heights)
    return Frame(
        left=round(left, 6),
        top=round(top, 6),
        scale=round(scale, 6),
        width=WIDTH,
        height=round((top - bottom) * scale) + 1,
    )


def _ring_path(ring: Sequence[Point], frame: Frame) -> str:
    """A ring as an SVG path in whole units, relative moves; "" when rounding leaves a dot."""
    points: list[tuple[int, int]] = []
    for latitude, longitude in ring:
        x, y = frame.point(latitude, longitude)
        point = (round(x), round(y))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(set(points)) < 3:
        return ""
    moves = [f"M{points[0][0]} {points[0][1]}l"]
    numbers = []
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        numbers += [x1 - x0, y1 - y0]
    moves.append(" ".join(map(str, numbers)).replace(" -", "-"))
    return "".join(moves) + "z"


def _alpha_2(numeric: str | None) -> str | None:
    import pycountry

    if numeric is None:
        return None
    country = pycountry.countries.get(numeric=numeric)
    return None if country is None else str(country.alpha_2)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if world.json differs")
    parser.add_argument("--source", type=Path, help="countries-110m.json, instead of npm")
    parser.add_argument("--output", type=Path, default=TARGET, help=f"default: {TARGET}")
    options = parser.parse_args(argv)
    if options.source is not None:
        source = options.source.read_bytes()
    else:
        with tempfile.TemporaryDirectory() as folder:
            source = fetch_source(Path(folder))
    content = generate(source)
    if options.check:
        same = options.output.is_file() and options.output.read_bytes() == content
        if not same:
            print(f"{options.output} is stale: run python {sys.argv[0]}", file=sys.stderr)
        return 0 if same else 1
    options.output.write_bytes(content)
    print(f"wrote {options.output} ({len(content):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
