#!/usr/bin/env bash
# The second of the README's two commands: install what is missing, then run the
# whole test suite (unit tests and end-to-end tests of the built tool).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product stillpoint
swift test "$@"
