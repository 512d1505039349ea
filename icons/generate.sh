#!/usr/bin/env bash
# Renders icons/slipway.svg into every size the window and the installers use, then packs the
# Windows .ico and the macOS .icns. The results are committed, so builds need none of these tools.
# Needs rsvg-convert (Debian: librsvg2-bin; installed here when run as root) and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v rsvg-convert >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq librsvg2-bin >/dev/null
    else
        echo "rsvg-convert is missing: run 'sudo apt-get install librsvg2-bin' (or run this script as root)." >&2
        exit 2
    fi
fi

sizes=(16 24 32 48 64 128 256 512 1024)
window_sizes=(16 32 48 64 128 256)
window_dir=../src/main/resources/app/slipway/icons

mkdir -p png "$window_dir"
for size in "${sizes[@]}"; do
    rsvg-convert --width "$size" --height "$size" slipway.svg --output "png/slipway-$size.png"
done
python3 pack_icons.py png slipway.ico slipway.icns
for size in "${window_sizes[@]}"; do
    cp "png/slipway-$size.png" "$window_dir/slipway-$size.png"
done
echo "icons: png/ (${sizes[*]} px), slipway.ico, slipway.icns, window icons in ${window_dir#../}"
