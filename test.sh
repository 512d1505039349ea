#!/usr/bin/env bash
# The test command (README): starts the real testbed, then builds and runs every test. Run as root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
testbed/up.sh
testbed/fleet-up.sh 3
mvn -B verify
