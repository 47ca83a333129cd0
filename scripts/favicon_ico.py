"""Write the theme's assets/favicon.ico: the letter of assets/favicon.svg, 16×16, by hand.

The ICO is made from a drawing below, byte for byte the same on every run (no imaging
library needed): `python scripts/favicon_ico.py` after changing the drawing.
"""

from __future__ import annotations

import struct
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "assets" / "favicon.ico"
SIZE = 16
RADIUS = 3.5  # the SVG's rx="7" on a 32-pixel square
BACKGROUND = (0xA3, 0x36, 0x1D)
LETTER = (0xFD, 0xFC, 0xFA)
DRAWING = """\
................
................
................
....######......
....##...##.....
....##...##.....
....##..##......
....######......
....##...###....
....##....##....
....##....##....
....##...###....
....#######.....
................
................
................
"""


def _inside(x: int, y: int) -> bool:
    """Whether the pixel's centre is inside the rounded square."""
    cx, cy = x + 0.5, y + 0.5
    nearest_x = min(max(cx, RADIUS), SIZE - RADIUS)
    nearest_y = min(max(cy, RADIUS), SIZE - RADIUS)
    return (cx - nearest_x) ** 2 + (cy - nearest_y) ** 2 <= RADIUS**2


def favicon_ico() -> bytes:
    rows = DRAWING.splitlines()
    assert len(rows) == SIZE and all(len(row) == SIZE for row in rows)
    pixels = bytearray()
    mask = bytearray()
    for y in reversed(range(SIZE)):  # a BMP is stored bottom row first
        bits = 0
        for x in range(SIZE):
            if not _inside(x, y):
                pixels += b"\0\0\0\0"
                bits |= 1 << (SIZE - 1 - x)
                continue
            red, green, blue = LETTER if rows[y][x] == "#" else BACKGROUND
            pixels += bytes((blue, green, red, 0xFF))
        mask += struct.pack(">I", bits << (32 - SIZE))  # each row padded to 32 bits
    header = struct.pack("<IiiHHIIiiII", 40, SIZE, SIZE * 2, 1, 32, 0, len(pixels) + len(mask),
                         0, 0, 0, 0)  # fmt: skip
    image = header + bytes(pixels) + bytes(mask)
    directory = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return directory + entry + image


if __name__ == "__main__":
    TARGET.write_bytes(favicon_ico())
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")
