#!/usr/bin/env python3
"""Packs the rendered PNGs into slipway.ico (Windows) and slipway.icns (macOS).

Both formats may hold PNG data as is, so this needs nothing beyond Python's standard library.
Usage: pack_icons.py PNG_DIR ICO_OUT ICNS_OUT  (PNG_DIR holds slipway-<size>.png)
"""
import struct
import sys
from pathlib import Path

ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
# ICNS element type -> pixel size of the PNG it holds (the @2x types hold double-size images).
ICNS_TYPES = [
    ("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024),
    ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512),
]


def png(png_dir: Path, size: int) -> bytes:
    data = (png_dir / f"slipway-{size}.png").read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"slipway-{size}.png is not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    if (width, height) != (size, size):
        sys.exit(f"slipway-{size}.png is {width}x{height}, expected {size}x{size}")
    return data


def ico(png_dir: Path) -> bytes:
    images = [png(png_dir, s) for s in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, body = b"", b""
    for size, data in zip(ICO_SIZES, images):
        side = 0 if size == 256 else size  # 0 stands for 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return header + entries + body


def icns(png_dir: Path) -> bytes:
    elements = b""
    for kind, size in ICNS_TYPES:
        data = png(png_dir, size)
        elements += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    png_dir = Path(sys.argv[1])
    Path(sys.argv[2]).write_bytes(ico(png_dir))
    Path(sys.argv[3]).write_bytes(icns(png_dir))


if __name__ == "__main__":
    main()
