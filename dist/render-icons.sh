#!/usr/bin/env bash
# Render the application icon's PNG sizes (and the Windows .ico) from assets/icon/ledgerlink.svg.
# The PNGs are committed; run this after changing the SVG. Needs rsvg-convert (Debian:
# librsvg2-bin) and, for the .ico, ImageMagick's convert.
#   dist/render-icons.sh               render every size
#   dist/render-icons.sh --if-missing  render only if a PNG is missing (file times say nothing
#                                      after a git clone, so they are not compared)
set -euo pipefail
cd "$(dirname "$0")/.."

readonly SVG=assets/icon/ledgerlink.svg
readonly SIZES=(32 48 64 128 256 512)

some_missing() {
    local size
    for size in "${SIZES[@]}"; do
        if [[ ! -f assets/icon/ledgerlink-${size}.png ]]; then
            return 0
        fi
    done
    return 1
}

if [[ ${1:-} == --if-missing ]] && ! some_missing; then
    exit 0
fi

if ! command -v rsvg-convert >/dev/null; then
    echo "render-icons: rsvg-convert is missing (Debian: apt-get install librsvg2-bin)" >&2
    exit 1
fi

for size in "${SIZES[@]}"; do
    rsvg-convert --width "$size" --height "$size" "$SVG" --output "assets/icon/ledgerlink-${size}.png"
    echo "rendered assets/icon/ledgerlink-${size}.png"
done

# Windows wants one .ico holding the small sizes; 16 px is rendered just for it.
if command -v convert >/dev/null; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    rsvg-convert --width 16 --height 16 "$SVG" --output "$tmp/ledgerlink-16.png"
    convert "$tmp/ledgerlink-16.png" assets/icon/ledgerlink-{32,48,256}.png dist/windows/ledgerlink.ico
    echo "rendered dist/windows/ledgerlink.ico"
else
    echo "render-icons: ImageMagick's convert is missing; dist/windows/ledgerlink.ico not updated" >&2
fi
