#!/usr/bin/env python3
"""Draw Galley's app icons as RGBA PNGs using only the standard library.

The icon is a rounded ink-blue square holding a white page with three text lines:
a galley proof. Run it again after changing the drawing; the PNGs are committed.
"""
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src-tauri" / "icons"
INK = (38, 70, 120, 255)
PAPER = (250, 248, 242, 255)
LINE = (120, 132, 150, 255)
CLEAR = (0, 0, 0, 0)


def inside_rounded(x, y, left, top, right, bottom, radius):
    if not (left <= x < right and top <= y < bottom):
        return False
    cx = min(max(x, left + radius), right - radius - 1)
    cy = min(max(y, top + radius), bottom - radius - 1)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def pixel(x, y, n):
    u = lambda f: int(f * n)  # noqa: E731 - fractions of the icon's size
    if not inside_rounded(x, y, 0, 0, n, n, u(0.18)):
        return CLEAR
    page = (u(0.27), u(0.16), u(0.73), u(0.84))
    if not inside_rounded(x, y, *page, max(1, u(0.03))):
        return INK
    for i, width in enumerate((0.36, 0.36, 0.24)):
        top = u(0.32 + i * 0.14)
        if top <= y < top + max(1, u(0.06)) and u(0.32) <= x < u(0.32 + width):
            return LINE
    return PAPER


def png(n):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, n)) for x in range(n)) for y in range(n)
    )

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, size in (("32x32.png", 32), ("128x128.png", 128), ("icon.png", 256)):
        (OUT / name).write_bytes(png(size))
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
