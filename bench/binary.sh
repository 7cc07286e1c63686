# Sourced by bench/library.sh and bench/takes.sh (after they set `repo`): sets
# STILLPOINT to the tool to measure, building a release one (after
# scripts/setup.sh) unless STILLPOINT already names one. One place, so that the
# benchmarks always measure a tool built the same way.
if [ -z "${STILLPOINT:-}" ]; then
  "$repo/scripts/setup.sh"
  (cd "$repo" && swift build -c release --product stillpoint >&2)
  STILLPOINT=$repo/.build/release/stillpoint
fi
