#!/usr/bin/env python3
"""Derives the compact district boundaries the maps draw from the shared ONS file (OGL v3).

Usage: scripts/derive-district-boundaries.py [path/to/hertfordshire_lad20_bgc.geojson]
Writes src/SafetyNet/Insight/district-boundaries.json: each district's outline simplified (Douglas-Peucker,
50 metres) with 4 decimals, as [lat, lon] pairs, the order the maps use.
"""
import json
import math
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "geography" / "hertfordshire_lad20_bgc.geojson"
TARGET = ROOT / "src" / "SafetyNet" / "Insight" / "district-boundaries.json"
TOLERANCE_METRES = 50.0
METRES_PER_DEGREE = 111_320.0


def simplify(points, tolerance):
    """Douglas-Peucker on a local equirectangular projection; keeps the first and last point."""
    if len(points) < 3:
        return points
    scale = math.cos(math.radians(sum(p[1] for p in points) / len(points)))
    xy = [(p[0] * scale * METRES_PER_DEGREE, p[1] * METRES_PER_DEGREE) for p in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = xy[first], xy[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = xy[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / length if length > 0 else math.hypot(px - ax, py - ay)
            if d > worst:
                worst, index = d, i
        if worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def main():
    source = json.loads(SOURCE.read_text(encoding="utf-8"))
    districts = []
    for feature in source["features"]:
        rings = []
        for polygon in feature["geometry"]["coordinates"]:
            ring = simplify(polygon[0], TOLERANCE_METRES)
            rings.append([[round(lat, 4), round(lon, 4)] for lon, lat in ring])
        districts.append({"code": feature["properties"]["code"], "name": feature["properties"]["name"], "rings": rings})
    TARGET.write_text(json.dumps({
        "licence": "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
                   "Contains OS data © Crown copyright and database right 2021.",
        "districts": districts,
    }, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {sum(len(r) for d in districts for r in d['rings'])} points, {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
