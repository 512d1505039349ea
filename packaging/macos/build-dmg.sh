#!/usr/bin/env bash
# Builds the macOS disk image on a Mac (jpackage makes installers only for the system it runs on):
# the shaded jar (Maven, tests skipped, so the JavaFX natives are the Mac's), then
# BUILD_DIR/packages/Slipway-<version>.dmg holding Slipway.app with its own Java runtime.
#
#   packaging/macos/build-dmg.sh [--build-dir DIR] [--version X.Y.Z] [--skip-maven]
#
# --build-dir   Maven's build directory (default: target)
# --version     the app version (default: the pom's, without -SNAPSHOT); macOS needs its first
#               number to be 1 or more, so a 0.x project passes e.g. --version 1.0.0 here
# --skip-maven  use the slipway.jar already in the build directory
#
# Needs a JDK 17+ (jpackage) and Xcode's command line tools. Unsigned; see packaging/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/packaging/common.sh"
builds_jar=true
parse_common_args "$@"

if [ "${version%%.*}" = 0 ]; then
    usage_error "macOS needs an app version whose first number is 1 or more (jpackage refuses $version): pass --version."
fi

cd "$root"
started=$SECONDS
build_jar
input="$(jpackage_input)"
dest="$build_dir/packages"
rm -f "$dest"/Slipway-*.dmg
jpackage --type dmg @packaging/package.args @packaging/app.args \
    --input "$input" --dest "$dest" --app-version "$version" \
    --icon icons/slipway.icns \
    --mac-package-identifier app.slipway --mac-package-name Slipway
echo "package: $(ls "$dest"/Slipway-*.dmg) ($((SECONDS - started)) s)"
