#!/usr/bin/env bash
# Build the Debian package target/debian/ledgerlink_<version>-1_<arch>.deb from a clean clone.
#
#   dist/build-deb.sh             release build of the binary, then the package
#   dist/build-deb.sh --no-build  package the release binary already built
#
# Needs the Rust toolchain (rustup, 1.95) and dpkg-dev (dpkg-shlibdeps works out the libraries
# the binary links; objcopy from binutils strips it). Installs cargo-deb with
# `cargo install cargo-deb --locked` when it is missing. The icon PNGs are committed; they are
# rendered (dist/render-icons.sh, needs rsvg-convert) only if one is missing. Honours
# CARGO_TARGET_DIR: the package lands in $CARGO_TARGET_DIR/debian/.
# The debug line tables go to a separate ledgerlink-dbgsym_*.ddeb next to it.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo_deb_flags=(--dbgsym)
case ${1:-} in
    "") ;;
    --no-build) cargo_deb_flags+=(--no-build) ;;
    *)
        echo "usage: dist/build-deb.sh [--no-build]" >&2
        exit 2
        ;;
esac

for tool in dpkg-shlibdeps objcopy; do
    if ! command -v "$tool" >/dev/null; then
        echo "build-deb: $tool is missing (Debian: apt-get install dpkg-dev binutils)" >&2
        exit 1
    fi
done

if ! cargo deb --version >/dev/null 2>&1; then
    echo "build-deb: installing cargo-deb (cargo install cargo-deb --locked)"
    cargo install cargo-deb --locked
fi

dist/render-icons.sh --if-missing

target_dir=${CARGO_TARGET_DIR:-target}
# cargo-deb maps the `target/release/` asset paths in Cargo.toml to the target directory in use.
cargo deb "${cargo_deb_flags[@]}"

deb=$(ls -t "$target_dir"/debian/ledgerlink_*.deb | head -n 1)
echo "build-deb: built $deb"
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends Recommends
dpkg-deb --contents "$deb"
