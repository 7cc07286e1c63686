#!/usr/bin/env bash
# `stillpoint takes` benchmark (issue 7: a 10-minute take of 60 phrases processed
# in under 60 s on a 2-core machine, under 200 MiB).
#
#   usage: bench/takes.sh [PHRASES]        (PHRASES defaults to 60)
#
# Makes, in a temporary folder, a script of PHRASES phrases (22 words
# each, from a fixed word list, so every run is the same) and one take of them
# read in order by espeak-ng at 140 words a minute with pauses of 1 to 3 s,
# resampled to 48 kHz with a little pink noise (sox), then times
# `stillpoint takes` once with GNU time: wall and CPU seconds, peak resident
# MiB, and how many phrases it found. On a machine busy with other work, the CPU
# seconds are the figure to compare with the 60 s target.
# TAKES_FLAGS adds flags (e.g. --in-order); TAKES_SHOW=1 prints the table.
# STILLPOINT=/path/to/stillpoint measures that binary instead of building one.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
phrases=${1:-60}
. "$repo/bench/binary.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/stillpoint-takes-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/clips" "$work/parts"

words=(gently slowly softly breathe notice rest settle release allow your breath body shoulders
       hands feet chest belly face jaw eyes warm heavy light calm quiet still easy open
       let the and in out as it is now here with each every moment time floor air room
       sink soften loosen drift float ground hold carry rise fall wave tide)
n=${#words[@]}
for i in $(seq 1 "$phrases"); do
  text=""
  for j in $(seq 1 22); do text+="${words[$(( (i * 7 + j * j * 3 + i * j) % n ))]} "; done
  text="$(tr '[:lower:]' '[:upper:]' <<< "${text:0:1}")${text:1}"
  text="${text% }."
  echo "say phrase-$i \"$text\"" >> "$work/bench.session"
  espeak-ng -s 140 -w "$work/parts/$i.wav" "$text"
  gap=$(awk -v i="$i" 'BEGIN { printf "%.2f", 1 + (i * 37 % 21) / 10 }')
  sox "$work/parts/$i.wav" "$work/parts/$i-p.wav" pad 0 "$gap"
done
sox $(for i in $(seq 1 "$phrases"); do echo "$work/parts/$i-p.wav"; done) -r 48000 "$work/speech.wav"
length=$(soxi -D "$work/speech.wav")
sox -n -r 48000 -c 1 "$work/noise.wav" synth "$length" pinknoise vol 0.003
sox -m "$work/speech.wav" "$work/noise.wav" -b 16 "$work/take.wav"
rm -rf "$work/parts" "$work/speech.wav" "$work/noise.wav"
echo "take: $(soxi -d "$work/take.wav") at 48 kHz, $phrases phrases" >&2

cd "$work"
/usr/bin/time -v "$STILLPOINT" takes bench.session take.wav ${TAKES_FLAGS:-} > result.txt 2> time.txt || { cat result.txt time.txt >&2; exit 1; }
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' time.txt)
cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' time.txt)
peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' time.txt)
found=$(ls clips | wc -l)
[ -z "${TAKES_SHOW:-}" ] || cat result.txt
echo "stillpoint takes: ${wall} s wall, ${cpu} s CPU, ${peak} MiB peak, found ${found} of ${phrases} phrases (load average $(cut -d' ' -f1 /proc/loadavg))"
