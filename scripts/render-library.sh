#!/usr/bin/env bash
# The first of the README's two commands: install what is missing, build Stillpoint
# (release), and render the sample library into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product stillpoint
.build/release/stillpoint build scripts-library --output output "$@"
