#!/usr/bin/env bash
# Builds the Debian/Ubuntu package in one command: the shaded jar (Maven, tests skipped), the app
# image (packaging/linux/app-image.sh), then BUILD_DIR/packages/slipway_<version>-1_amd64.deb,
# which installs /opt/slipway, the menu entry and the `slipway` command.
#
#   packaging/build-deb.sh [--build-dir DIR] [--version X.Y.Z] [--skip-maven]
#
# --build-dir   Maven's build directory (default: target)
# --version     the package version (default: the pom's, without -SNAPSHOT)
# --skip-maven  use the slipway.jar already in the build directory
#
# Needs a JDK 17+ (jpackage), dpkg-deb and fakeroot; as root it installs fakeroot when missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/packaging/common.sh"
builds_jar=true
parse_common_args "$@"

if ! command -v dpkg-deb >/dev/null || ! command -v fakeroot >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq dpkg fakeroot >/dev/null
    else
        echo "dpkg-deb or fakeroot is missing: run 'sudo apt-get install dpkg fakeroot' (or run this script as root)." >&2
        exit 2
    fi
fi

cd "$root"
started=$SECONDS
build_jar
packaging/linux/app-image.sh --build-dir "$build_dir" --version "$version"

# jpackage looks for its overrides by fixed names: the launcher's name for the menu entry.
resources="$build_dir/jpackage/deb-resources"
rm -rf "$resources"
mkdir -p "$resources"
cp packaging/linux/slipway.desktop "$resources/Slipway.desktop"
cp packaging/linux/postinst packaging/linux/prerm "$resources/"
cp icons/png/slipway-256.png "$resources/Slipway.png"

dest="$build_dir/packages"
rm -f "$dest"/slipway_*.deb
jpackage --type deb @packaging/package.args \
    --app-image "$build_dir/app-image/Slipway" --dest "$dest" --app-version "$version" \
    --resource-dir "$resources" \
    --linux-package-name slipway --linux-app-category utils --linux-menu-group "System;Utility;" \
    --linux-shortcut --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1"
deb="$(ls "$dest"/slipway_*.deb)"
echo "package: $deb ($(du -h "$deb" | cut -f1), $((SECONDS - started)) s). Install with: sudo apt install $deb"
