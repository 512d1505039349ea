#!/bin/sh
# Makes Slipway's class-data archive where it is installed, and has the launcher use it: the CLI then
# starts in about 0.6 s instead of 1.0 s (README "Benchmarks"). Run by the .deb's postinst; safe to run
# again (an upgrade replaces the archive). JDK 17 ties such an archive to the jar's path, so it cannot
# be made at build time. When the training run fails (no Docker here, say), whatever it loaded is
# archived; when no archive comes out, the launcher is left as it was, with the JDK's own archive.
#
#   /opt/slipway/lib/class-data.sh
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cfg="$root/lib/app/Slipway.cfg"
jsa="$root/lib/app/slipway.jsa"
[ -f "$cfg" ] || { echo "class-data.sh: $cfg is missing" >&2; exit 1; }

# start from the launcher as packaged: no archive named, none on disk
sed -i '/SharedArchiveFile/d' "$cfg"
rm -f "$jsa"
# the training run: a status that reads this machine's engine and stops at the missing stack, which
# loads what a run loads up to reading a stack (the CLI, the engine transport, Compose and YAML)
JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
    "$root/bin/Slipway" status --dir /nonexistent/slipway-class-data >/dev/null 2>&1 </dev/null
[ -s "$jsa" ] || { rm -f "$jsa"; exit 0; }
chmod 644 "$jsa"
# $APPDIR literally: the launcher expands it
sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/slipway.jsa' "$cfg"
