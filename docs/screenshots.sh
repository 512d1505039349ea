#!/usr/bin/env bash
# Screenshots of every wizard page, taken while the end-to-end wizard test drives a real upgrade,
# install and refusals on the testbed — on a real (virtual) X display, not the headless platform.
# Needs the testbed (testbed/up.sh, testbed/fleet-up.sh) and, as root, installs Xvfb and GTK when missing.
# Writes docs/screens/*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v Xvfb >/dev/null || ! dpkg -s libgtk-3-0 >/dev/null 2>&1; then
    apt-get install -y --no-install-recommends xvfb libgtk-3-0 >/dev/null
fi
display=:97
Xvfb "$display" -screen 0 1400x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
out="$PWD/docs/screens"
mkdir -p "$out"
DISPLAY=$display mvn -B -q -o test -DbuildDir=target-screens -Dtest='WizardEndToEndTest,FleetWizardTest,EcsWizardTest,PlanPageTest' \
    -Dsurefire.failIfNoSpecifiedTests=false \
    "-Dfx.test.platform=-Dtestfx.robot=glass -Dprism.order=sw -Dslipway.screenshots=$out"
ls -1 "$out"
