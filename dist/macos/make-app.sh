#!/usr/bin/env bash
# Build target/macos/Ledgerlink.app (and a .dmg) on macOS. Not tested on the Linux machine this
# repository is developed on: see dist/README.md.
#
#   dist/macos/make-app.sh              app for this Mac's architecture
#   dist/macos/make-app.sh --universal  one app for Apple silicon and Intel (needs both rustup
#                                       targets: aarch64-apple-darwin, x86_64-apple-darwin)
#
# Needs Xcode's command-line tools (sips, iconutil, codesign, hdiutil, lipo, plutil). The bundle:
#   Ledgerlink.app/Contents/Info.plist         dist/macos/Info.plist with the version filled in
#   Ledgerlink.app/Contents/MacOS/ledgerlink   the release binary
#   Ledgerlink.app/Contents/Resources/ledgerlink.icns   from assets/icon/ledgerlink-*.png
# It is signed ad hoc (enough to run on the Mac that built it); signing with a Developer ID and
# notarising for other Macs is left to the release manager.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ $(uname -s) != Darwin ]]; then
    echo "make-app: this script runs on macOS" >&2
    exit 1
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
target_dir=${CARGO_TARGET_DIR:-target}
out=$target_dir/macos
app=$out/Ledgerlink.app

case ${1:-} in
    "")
        cargo build --release
        binary=$target_dir/release/ledgerlink
        ;;
    --universal)
        cargo build --release --target aarch64-apple-darwin
        cargo build --release --target x86_64-apple-darwin
        mkdir -p "$out"
        lipo -create -output "$out/ledgerlink-universal" \
            "$target_dir/aarch64-apple-darwin/release/ledgerlink" \
            "$target_dir/x86_64-apple-darwin/release/ledgerlink"
        binary=$out/ledgerlink-universal
        ;;
    *)
        echo "usage: dist/macos/make-app.sh [--universal]" >&2
        exit 2
        ;;
esac

rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp "$binary" "$app/Contents/MacOS/ledgerlink"
sed "s/@VERSION@/$version/g" dist/macos/Info.plist > "$app/Contents/Info.plist"
plutil -lint "$app/Contents/Info.plist"
printf 'APPL????' > "$app/Contents/PkgInfo"

# The icon set iconutil wants: each size at 1x and 2x.
iconset=$out/ledgerlink.iconset
rm -rf "$iconset"
mkdir -p "$iconset"
sips -z 16 16 assets/icon/ledgerlink-32.png --out "$iconset/icon_16x16.png" >/dev/null
cp assets/icon/ledgerlink-32.png "$iconset/icon_16x16@2x.png"
cp assets/icon/ledgerlink-32.png "$iconset/icon_32x32.png"
cp assets/icon/ledgerlink-64.png "$iconset/icon_32x32@2x.png"
cp assets/icon/ledgerlink-128.png "$iconset/icon_128x128.png"
cp assets/icon/ledgerlink-256.png "$iconset/icon_128x128@2x.png"
cp assets/icon/ledgerlink-256.png "$iconset/icon_256x256.png"
cp assets/icon/ledgerlink-512.png "$iconset/icon_256x256@2x.png"
cp assets/icon/ledgerlink-512.png "$iconset/icon_512x512.png"
iconutil --convert icns --output "$app/Contents/Resources/ledgerlink.icns" "$iconset"

codesign --force --sign - "$app"

dmg=$out/Ledgerlink-$version.dmg
rm -f "$dmg"
staging=$out/dmg
rm -rf "$staging"
mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Ledgerlink $version" -srcfolder "$staging" -ov -format UDZO "$dmg"
rm -rf "$staging"

echo "make-app: built $app and $dmg"
