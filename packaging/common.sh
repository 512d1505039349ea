# Shared by the bash packaging scripts (Linux and macOS): arguments, version, the checks they all need.
# Expects $root (the repository root). parse_common_args sets build_dir (absolute), version and
# skip_maven; --skip-maven is accepted only when the script set builds_jar=true first.

usage_error() {
    echo "$1" >&2
    sed -n 's/^#   \([^ ]\)/    \1/p' "$0" >&2
    exit 2
}

parse_common_args() {
    build_dir="target"
    version=""
    skip_maven=false
    while [ $# -gt 0 ]; do
        case "$1" in
            --build-dir) [ $# -ge 2 ] || usage_error "--build-dir needs a directory."; build_dir="$2"; shift 2 ;;
            --version) [ $# -ge 2 ] || usage_error "--version needs a value such as 1.2.0."; version="$2"; shift 2 ;;
            --skip-maven) [ "${builds_jar:-false}" = true ] || usage_error "Unknown argument '$1'."; skip_maven=true; shift ;;
            -h|--help) sed -n '2,/^set -/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
            *) usage_error "Unknown argument '$1'." ;;
        esac
    done
    case "$build_dir" in /*) ;; *) build_dir="$root/$build_dir" ;; esac
    if [ -z "$version" ]; then
        version="$(pom_version)"
    fi
    version="${version%-SNAPSHOT}"
    if ! [[ "$version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]]; then
        usage_error "The version '$version' is not one to three numbers separated by dots, as jpackage needs."
    fi
}

# The project's own <version>: the first one indented as a child of <project> in the pom.
pom_version() {
    sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1
}

# Builds slipway.jar into the build directory, tests skipped, unless --skip-maven was given.
build_jar() {
    if [ "$skip_maven" = false ]; then
        (cd "$root" && mvn -B -q package -DskipTests -DbuildDir="$build_dir")
    fi
    require_jar
}

require_jar() {
    if [ ! -f "$build_dir/slipway.jar" ]; then
        echo "$build_dir/slipway.jar is missing: build it first with 'mvn -B package -DskipTests'." >&2
        exit 2
    fi
    if ! command -v jpackage >/dev/null; then
        echo "jpackage is missing: install a full JDK 17 or newer (Debian: openjdk-17-jdk)." >&2
        exit 2
    fi
}

# A fresh jpackage --input directory holding only the jar (jpackage copies all of it into the app).
jpackage_input() {
    local input="$build_dir/jpackage/input"
    rm -rf "$input"
    mkdir -p "$input"
    cp "$build_dir/slipway.jar" "$input/"
    echo "$input"
}
