#!/usr/bin/env bash
# Installs what Stillpoint needs and is missing: the C libraries it links (with
# their headers), and the sound tools the tests and benchmark use to check output.
# Safe to run again: it installs nothing that is already there.
set -euo pipefail

debian_packages=(pkg-config libsndfile1-dev libflac-dev libebur128-dev libsoxr-dev libogg-dev
                 libpocketsphinx-dev pocketsphinx-en-us libfftw3-dev
                 espeak-ng sox flac ffmpeg time rsync chromium chromium-driver python3-pip)
# The publish tests read the feeds with real podcast parsers and drive Chromium with Selenium.
python_packages=(selenium feedparser podcastparser)

if [ "$(uname)" = Darwin ]; then
  command -v brew >/dev/null || { echo "setup: install Homebrew first (https://brew.sh)" >&2; exit 1; }
  brew list libsndfile flac libebur128 libsoxr libogg cmu-pocketsphinx fftw espeak-ng sox ffmpeg rsync >/dev/null 2>&1 ||
    brew install pkg-config libsndfile flac libebur128 libsoxr libogg cmu-pocketsphinx fftw espeak-ng sox ffmpeg rsync
  brew list --cask chromium chromedriver >/dev/null 2>&1 || brew install --cask chromium chromedriver
else
  missing=()
  for p in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
missing_python=()
for p in "${python_packages[@]}"; do
  python3 -c "import $p" 2>/dev/null || missing_python+=("$p")
done
if [ ${#missing_python[@]} -gt 0 ]; then
  echo "setup: installing ${missing_python[*]} (pip)" >&2
  python3 -m pip install --quiet "${missing_python[@]}" 2>/dev/null ||
    python3 -m pip install --quiet --break-system-packages "${missing_python[@]}"
fi
command -v swift >/dev/null || { echo "setup: Swift 6 is needed (https://swift.org/install)" >&2; exit 1; }
