#!/usr/bin/env bash
# The second of the README's two commands: install what is missing, then run the
# whole test suite (unit tests and end-to-end tests of the built tool).
# On CI (CI=true), or when STILLPOINT_FUZZ_SMOKE=1, each fuzz target then runs
# for 30 s (scripts/fuzz.sh all 30); locally that is left out to keep the
# command quick (the sanitizer fuzz build alone takes several minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product stillpoint
swift test "$@"
if [[ ${CI:-} == true || ${STILLPOINT_FUZZ_SMOKE:-} == 1 ]]; then
    scripts/fuzz.sh all 30
fi
