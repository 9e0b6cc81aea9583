#!/usr/bin/env bash
# Install the built Debian package, check what it installed, start the window under Xvfb, remove
# the package again. For people and a release job; not part of .ci/run (it needs root, apt and a
# release build). Build the package first with dist/build-deb.sh.
#
#   dist/check-deb.sh [PATH/TO/ledgerlink_*.deb]   (default: the newest in $CARGO_TARGET_DIR/debian)
#
# Runs as root or through sudo. Installs desktop-file-utils and xvfb with apt-get when they are
# missing. Exits non-zero at the first failed step. If a ledgerlink package was installed before,
# it is replaced and then removed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
else
    as_root=(sudo)
fi

step() { printf '\n== %s\n' "$*"; }

target_dir=${CARGO_TARGET_DIR:-target}
deb=${1:-$(ls -t "$target_dir"/debian/ledgerlink_*.deb 2>/dev/null | head -n 1 || true)}
if [[ -z $deb || ! -f $deb ]]; then
    echo "check-deb: no package found; run dist/build-deb.sh first (or pass the .deb)" >&2
    exit 1
fi
deb=$(realpath "$deb")

missing=()
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
if [[ ${#missing[@]} -gt 0 ]]; then
    step "installing ${missing[*]}"
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}"
fi

installed=no
remove_package() {
    if [[ $installed == yes ]]; then
        step "dpkg -r ledgerlink"
        "${as_root[@]}" dpkg -r ledgerlink
        installed=no
    fi
}
trap remove_package EXIT

step "dpkg -i $deb"
installed=yes
if ! "${as_root[@]}" dpkg -i "$deb"; then
    echo "check-deb: dpkg -i stopped (missing dependencies?); letting apt install them"
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -f -y -qq
fi
dpkg-query --show --showformat='${Package} ${Version} ${db:Status-Status}\n' ledgerlink
if [[ $(dpkg-query --show --showformat='${db:Status-Status}' ledgerlink) != installed ]]; then
    echo "check-deb: ledgerlink is not fully installed" >&2
    exit 1
fi

step "installed files"
for path in /usr/bin/ledgerlink \
    /usr/share/applications/ledgerlink.desktop \
    /usr/share/metainfo/io.ledgerlink.Ledgerlink.metainfo.xml \
    /usr/share/mime/packages/ledgerlink.xml \
    /usr/share/icons/hicolor/scalable/apps/ledgerlink.svg \
    /usr/share/icons/hicolor/{32x32,48x48,64x64,128x128,256x256,512x512}/apps/ledgerlink.png; do
    if [[ ! -f $path ]]; then
        echo "check-deb: $path is missing" >&2
        exit 1
    fi
    echo "ok $path"
done
command -v ledgerlink
ledgerlink --version

step "desktop-file-validate /usr/share/applications/ledgerlink.desktop"
desktop-file-validate /usr/share/applications/ledgerlink.desktop
echo "valid"

if command -v appstreamcli >/dev/null; then
    step "appstreamcli validate --no-net (metainfo as installed)"
    appstreamcli validate --no-net /usr/share/metainfo/io.ledgerlink.Ledgerlink.metainfo.xml
fi

# Debian's triggers (shared-mime-info, desktop-file-utils) refresh these caches when installed.
if [[ -f /usr/share/mime/globs2 ]]; then
    step "MIME database knows *.ledgerlink"
    grep ':\*\.ledgerlink$' /usr/share/mime/globs2
fi
if [[ -f /usr/share/applications/mimeinfo.cache ]]; then
    step "desktop database offers ledgerlink.desktop for projects and CSV"
    grep -E '^(application/x-ledgerlink-project|text/csv)=.*ledgerlink\.desktop' \
        /usr/share/applications/mimeinfo.cache
fi

# A fresh HOME and config dir, and a working directory away from the source tree: the installed
# binary must not rely on either.
scratch=$(mktemp -d)
trap 'remove_package; rm -rf "$scratch"' EXIT
for args in "--smoke-test" "demo --smoke-test"; do
    step "xvfb-run -a ledgerlink $args"
    # shellcheck disable=SC2086 # $args holds two words on purpose
    (cd "$scratch" && HOME=$scratch XDG_CONFIG_HOME=$scratch/config \
        timeout 300 xvfb-run -a /usr/bin/ledgerlink $args)
    echo "exit 0"
done

# A scripted run that meets an error must fail, or the checks above would prove nothing.
step "xvfb-run -a ledgerlink broken.ledgerlink --smoke-test (must fail)"
echo "not a project" > "$scratch/broken.ledgerlink"
set +e
(cd "$scratch" && HOME=$scratch XDG_CONFIG_HOME=$scratch/config \
    timeout 300 xvfb-run -a /usr/bin/ledgerlink broken.ledgerlink --smoke-test)
status=$?
set -e
if [[ $status -ne 1 ]]; then
    echo "check-deb: the smoke test of a broken project exited $status, not 1" >&2
    exit 1
fi
echo "exit 1, as it should"

remove_package
if [[ -e /usr/bin/ledgerlink ]]; then
    echo "check-deb: /usr/bin/ledgerlink is still there after dpkg -r" >&2
    exit 1
fi
echo
echo "check-deb: all steps passed for $(basename "$deb")"
