#!/usr/bin/env bash
# `stillpoint check` on long scripts (issue 13: a 100,000-line script checks in
# under 2 s; time grows with length and not faster).
#
#   usage: bench/check.sh [LINES...]        (LINES defaults to 10000 100000)
#
# Writes, in a temporary folder, a script of LINES lines of every kind the lexer,
# parser and resolver handle (the lines of Tests/StillpointScriptTests/
# ScriptLimitTests.swift, repeated) with two short clips made by sox, then times
# `stillpoint check` on it once with GNU time: wall and CPU seconds, peak
# resident MiB. The check must pass (exit 0); the last line is `met` or `MISSED`
# for the 2-second target at 100,000 lines.
# STILLPOINT=/path/to/stillpoint measures that binary instead of building one.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/bench/binary.sh"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
work=$(mktemp -d "${TMPDIR:-/tmp}/stillpoint-check-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/clips"
sox -n -r 48000 -c 1 -b 16 "$work/clips/welcome.flac" synth 0.1 sine 440
sox -n -r 48000 -c 1 -b 16 "$work/clips/soft.wav" synth 0.1 sine 440

status=0
printf '%8s %8s %8s %9s\n' lines "wall s" "cpu s" "peak MiB"
for lines in "${sizes[@]}"; do
  script=$work/long-$lines.session
  awk -v n="$lines" 'BEGIN {
    split("say welcome \"Welcome, and settle in.\" level -2 dB|pause 150ms|+20ms say soft|breathe in 100ms out 200ms|play bowl level -14 dB|chapter Part|pause 250ms|# a note to yourself", kind, "|")
    print "title: Limits"; print "sound bowl = bell 432 Hz decay 9s"; print "bed noise brown level -36 dB"
    for (i = 0; i < n - 3; i++) print kind[i % 8 + 1]
  }' >"$script"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$STILLPOINT" check "$script" >/dev/null 2>"$work/err"; then
    echo "check failed on $lines lines:" >&2; head -5 "$work/err" >&2; exit 1
  fi
  read -r wall user sys peak <"$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%8d %8.2f %8s %9d\n' "$lines" "$wall" "$cpu" $((peak / 1024))
  if [ "$lines" -eq 100000 ]; then
    if awk -v w="$wall" 'BEGIN { exit !(w < 2) }'; then echo "met: 100,000 lines in ${wall} s (target < 2 s)"
    else echo "MISSED: 100,000 lines in ${wall} s (target < 2 s)"; status=1; fi
  fi
done
exit $status
