#!/usr/bin/env bash
# Library-build benchmark (issue: a no-op build of a 50-track library under 0.3 s;
# the sample library rendered from scratch in under a minute).
#
#   usage: bench/library.sh
#
# 1. Renders scripts-library/ from scratch into a temporary output folder and
#    times it, then times the no-op build that follows.
# 2. Makes a 50-track library in a temporary folder (each track includes a shared
#    part and uses four of the sample clips), builds it once, then times three
#    no-op builds (the first reads every file once to stamp it, the others trust
#    unchanged size, mtime and inode).
# STILLPOINT=/path/to/stillpoint measures that binary instead of building one.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/bench/binary.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/stillpoint-library-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

seconds() { # command... → wall seconds on stdout, the command's output discarded
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

printf '%-44s %8s\n' "what" "wall s"
printf '%-44s %8s\n' "sample library, from scratch" "$(seconds "$STILLPOINT" build "$repo/scripts-library" --output "$work/sample")"
printf '%-44s %8s\n' "sample library, no-op" "$(seconds "$STILLPOINT" build "$repo/scripts-library" --output "$work/sample")"

lib=$work/lib50
mkdir -p "$lib/parts" "$lib/clips"
for clip in welcome no-right-way soft-jaw heavy-hands; do cp "$repo/scripts-library/clips/$clip.flac" "$lib/clips/"; done
printf 'artist: Bench\nformat: flac\n' > "$lib/library.defaults"
printf 'sound chime = bell 528 Hz decay 3s\nplay chime\nsay welcome\n' > "$lib/parts/intro.session"
for i in $(seq -w 1 50); do
  printf 'title: Track %s\ninclude parts/intro.session\nbed noise pink level -40 dB\nsay no-right-way\nsay soft-jaw\nsay heavy-hands\nend 0:12\n' "$i" > "$lib/track-$i.session"
done
printf '%-44s %8s\n' "50 tracks, first build" "$(seconds "$STILLPOINT" build "$lib" --output "$work/out50")"
for run in 1 2 3; do
  printf '%-44s %8s\n' "50 tracks, no-op build $run" "$(seconds "$STILLPOINT" build "$lib" --output "$work/out50")"
done
