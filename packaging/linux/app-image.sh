#!/usr/bin/env bash
# Builds the Linux app image: BUILD_DIR/app-image/Slipway, with its own Java runtime and the
# launcher bin/Slipway (no arguments: the wizard; arguments: the CLI, like java -jar slipway.jar).
# Maven runs this before the integration tests; packaging/build-deb.sh runs it before the .deb.
#
#   packaging/linux/app-image.sh [--build-dir DIR] [--version X.Y.Z]
#
# --build-dir  where slipway.jar is and the image goes (default: target)
# --version    the app version (default: the pom's, without -SNAPSHOT)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/packaging/common.sh"
parse_common_args "$@"

require_jar
input="$(jpackage_input)"
dest="$build_dir/app-image"
rm -rf "$dest/Slipway"
mkdir -p "$dest"

started=$SECONDS
cd "$root"
jpackage --type app-image @packaging/package.args @packaging/app.args \
    --input "$input" --dest "$dest" --app-version "$version" \
    --icon icons/png/slipway-256.png
# made where the app is installed (the .deb's postinst runs it): see the script
cp packaging/linux/class-data.sh "$dest/Slipway/lib/class-data.sh"
# man pages and completion scripts, written from this jar's own commands into the build directory;
# the .deb's postinst links them where man, bash and fish look (packaging/README.md)
rm -rf "$build_dir/shell"
java -cp "$build_dir/slipway.jar" app.slipway.cli.ShellFiles "$build_dir/shell"
cp -r "$build_dir/shell/man" "$build_dir/shell/completions" "$dest/Slipway/lib/"
echo "app image: $dest/Slipway (version $version, $((SECONDS - started)) s)"
