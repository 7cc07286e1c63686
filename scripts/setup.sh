#!/usr/bin/env bash
# Installs what Stillpoint needs and is missing: the C libraries it links (with
# their headers), the sound tools the tests and benchmark use to check output, and
# headless Chromium with Selenium, which the tests of the timeline picture drive.
# Safe to run again: it installs nothing that is already there.
set -euo pipefail

debian_packages=(pkg-config libsndfile1-dev libflac-dev libebur128-dev libsoxr-dev
                 espeak-ng sox flac ffmpeg time
                 chromium chromium-driver python3)

if [ "$(uname)" = Darwin ]; then
  command -v brew >/dev/null || { echo "setup: install Homebrew first (https://brew.sh)" >&2; exit 1; }
  brew list libsndfile flac libebur128 libsoxr espeak-ng sox ffmpeg >/dev/null 2>&1 ||
    brew install pkg-config libsndfile flac libebur128 libsoxr espeak-ng sox ffmpeg
else
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  missing=()
  for p in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
# Python modules the browser tests drive headless Chromium with (the timeline picture).
python_modules=(selenium)
for m in "${python_modules[@]}"; do
  python3 -c "import $m" 2>/dev/null && continue
  echo "setup: installing the python module $m" >&2
  python3 -m pip install -q "$m" 2>/dev/null ||
    { [ "$(uname)" != Darwin ] && DEBIAN_FRONTEND=noninteractive ${sudo:-} apt-get install -y -qq "python3-$m" >/dev/null; }
done
command -v swift >/dev/null || { echo "setup: Swift 6 is needed (https://swift.org/install)" >&2; exit 1; }
