#!/usr/bin/env bash
# The B60 benchmark (../shared/bench/WORKLOAD.md) for Stillpoint, side by side with
# the FLAC encoder floor and, with --peers, the SoX and ffmpeg peers.
#
#   usage: bench/run.sh [MINUTES] [--peers]     measure (MINUTES defaults to 60)
#          bench/run.sh --session MINUTES [CLIPS]  print the B60 script for MINUTES
#
# Installs what is missing (scripts/setup.sh), builds release, makes the clips if
# missing, then times each command once with GNU time (wall, cpu = user + sys,
# peak resident MiB) and checks Stillpoint's outputs with the shared check.sh.
# MINUTES < 60 renders the same pattern truncated, for a quick look. A long variant,
# 4 × MINUTES (4 h for the full run), shows whether memory grows with length.
# Outputs go to bench/out/ (git-ignored); the long variant's file is removed after.
# STILLPOINT=/path/to/stillpoint measures that binary instead of building one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared=$here/../../shared/bench
[ -d "$shared" ] || shared=/work/shared/bench
[ -f "$shared/WORKLOAD.md" ] || { echo "cannot find shared/bench beside the repo or at /work/shared/bench" >&2; exit 1; }
shared=$(cd "$shared" && pwd)

# The B60 script for MINUTES: settings, two beds, the bell sound, then every
# 30-s slot in time order (a bell every 6 min, clip k at (k-1)*30 + 2 s, the 120
# clips cycling for lengths over an hour), then `end`. CLIPS is the clips folder
# relative to where the script will live.
session() {
  local min=$1 clips=${2:-clips}
  awk -v min="$min" -v clips="$clips" '
    function clock(s) { return s >= 3600 ? sprintf("%d:%02d:%02d", int(s / 3600), int(s % 3600 / 60), s % 60) \
                                         : sprintf("%d:%02d", int(s / 60), s % 60) }
    { text[NR] = $0 }
    END {
      dur = min * 60
      print "# B60 (shared/bench/WORKLOAD.md) as a Stillpoint script: " min " minutes of two beds,"
      print "# " dur / 30 " voice clips and " int((dur + 359) / 360) " bells, levelled to -18 LUFS under a -1 dBTP ceiling."
      print "# Written by `bench/run.sh --session " min "`; change that, not this file."
      print ""
      print "title:       B60"
      print "format:      flac        # bits stay unset: 16 for FLAC, 24 for --format wav"
      print "rate:        48000"
      print "channels:    2"
      print "loudness:    -18 LUFS"
      print "peak:        -1 dBTP"
      print "voice-level: off         # clips at 0 dB, as recorded"
      print "duck:        0 dB"
      print "seed:        1"
      print "clips:       " clips
      print ""
      print "# Bed 1: pink noise at -34 dBFS RMS per channel, one signal on both. A noise"
      print "# level L is the RMS of a sine of peak L, which is L - 3.01 dB, so L = -34 + 3.01"
      print "# = -30.99 dB. Fades 10 s in and 15 s out; a bed still running at `end` fades"
      print "# to silence exactly there, so the fade-out is the last 15 s."
      print "bed noise pink level -30.99 dB fade 10s 15s"
      print "# Bed 2: binaural beat, left 200 - 6/2 = 197 Hz, right 203 Hz, each ear -30 dBFS"
      print "# peak. Fades 20 s in and 20 s out."
      print "bed binaural 200 Hz beat 6 Hz level -30 dB fade 20s 20s"
      print ""
      print "# Partials 1, 2.76 and 5.40 x 432 Hz, down 60 dB at 8 s; -12 dBFS peak."
      print "sound bowl = bell 432 Hz decay 8s level -12 dB"
      print ""
      for (t = 0; t < dur; t += 30) {
        if (t % 360 == 0) printf "at %s play bowl\n", clock(t)
        k = t / 30 % 120 + 1
        printf "at %s say clip-%03d \"%s\"\n", clock(t + 2), k, text[k]
      }
      print ""
      print "end " clock(dur)
    }' "$shared/sentences.txt"
}

if [ "${1:-}" = --session ]; then session "${2:?MINUTES}" "${3:-clips}"; exit 0; fi

min=60; peers=false
for a in "$@"; do
  case $a in
    --peers) peers=true ;;
    *[!0-9]* | "") echo "usage: $0 [MINUTES] [--peers] | --session MINUTES [CLIPS]" >&2; exit 2 ;;
    *) min=$a ;;
  esac
done
[ "$min" -ge 1 ] || { echo "MINUTES must be at least 1" >&2; exit 2; }
long=$((min * 4))

cd "$repo"
if [ -n "${STILLPOINT:-}" ]; then
  sp=$STILLPOINT          # another build of the tool (e.g. an installed one): no setup, no build
else
  scripts/setup.sh
  swift build -c release --product stillpoint
  sp=$repo/.build/release/stillpoint
fi
[ -f "$here/clips/clip-120.wav" ] || "$shared/make-clips.sh" "$here/clips"
out=$here/out
mkdir -p "$out"

# The sessions. bench/library.defaults makes bench/ the library root, so the
# generated ones in out/ may read the clips in bench/clips.
if [ "$min" -eq 60 ]; then
  script=$here/b60.session
  cmp -s "$script" <(session 60) || echo "note: bench/b60.session differs from \`bench/run.sh --session 60\`" >&2
else
  script=$out/b60-${min}m.session
  session "$min" ../clips > "$script"
fi
long_script=$out/b60-${long}m.session
session "$long" ../clips > "$long_script"

# measure NAME SECONDS-OF-AUDIO COMMAND...: one timed run, appended to the table.
names=(); walls=(); cpus=(); peaks=(); secs=()
measure() {
  local name=$1 audio=$2; shift 2
  local log; log=$(mktemp)
  echo "running: $name" >&2
  if ! /usr/bin/time -f '%e %U %S %M' -o "$log" "$@" > "$out/last.log" 2>&1; then
    echo "$name failed:" >&2; tail -n 20 "$out/last.log" >&2; rm -f "$log"; return 1
  fi
  read -r w u s m < <(tail -n 1 "$log"); rm -f "$log"
  names+=("$name"); walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN{print u + s}')")
  peaks+=("$(awk -v m="$m" 'BEGIN{printf "%.0f", m / 1024}')"); secs+=("$audio")
}

dur=$((min * 60))
flac_out=$out/stillpoint-flac16.flac
wav_out=$out/stillpoint-wav24.wav
measure "stillpoint flac16" $dur "$sp" render "$script" --format flac -o "$flac_out"
measure "stillpoint wav24" $dur "$sp" render "$script" --format wav -o "$wav_out"
measure "stillpoint flac16 ${long} min" $((long * 60)) "$sp" render "$long_script" --format flac -o "$out/stillpoint-long.flac"
rm -f "$out/stillpoint-long.flac"

# The floor: libFLAC's own encoder at -5 on the same audio, from a 16-bit WAV.
flac -d -s -f -o "$out/floor-in.wav" "$flac_out"
measure "floor flac -5" $dur flac -5 -f -s -o "$out/floor.flac" "$out/floor-in.wav"
floor=${walls[${#walls[@]} - 1]}
rm -f "$out/floor-in.wav" "$out/floor.flac"

if $peers; then
  # /work/shared is read-only and the peers write beside themselves: run a copy.
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/b60-peers.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  cp -r "$shared/peers" "$shared/sentences.txt" "$tmp/"
  chmod -R u+w "$tmp"
  ln -s "$here/clips" "$tmp/clips"
  for p in sox ffmpeg; do
    measure "$p flac16" $dur "$tmp/peers/b60-$p.sh" flac16 "$tmp/out/$p-flac16.flac" "$min"
    measure "$p wav24" $dur "$tmp/peers/b60-$p.sh" wav24 "$tmp/out/$p-wav24.wav" "$min"
    rm -rf "$tmp/out"
  done
fi

echo
printf '%-30s %9s %9s %9s %10s %12s\n' what "wall s" "cpu s" "peak MiB" "x floor" "x realtime"
for i in "${!names[@]}"; do
  awk -v n="${names[$i]}" -v w="${walls[$i]}" -v c="${cpus[$i]}" -v m="${peaks[$i]}" -v a="${secs[$i]}" \
      -v f="$floor" -v d="$dur" 'BEGIN{
    w0 = (w > 0 ? w : 0.01)
    printf "%-30s %9.2f %9.2f %9d %10.2f %12.0f\n", n, w, c, m, w / f * d / a, a / w0 }'
done
echo "(x floor compares wall time with the flac -5 floor for the same length of audio)"

echo
status=0
"$shared/check.sh" "$flac_out" "$min" || status=1
"$shared/check.sh" "$wav_out" "$min" || status=1

echo
awk -v fw="${walls[0]}" -v ww="${walls[1]}" -v f="$floor" -v d="$dur" \
    -v p1="${peaks[0]}" -v p2="${peaks[1]}" -v pl="${peaks[2]}" -v long="$long" 'BEGIN{
  t = fw / f;      printf "FLAC 16: %.2f × the flac -5 floor (target ≤ 1.25): %s\n", t, (t <= 1.25 ? "met" : "MISSED")
  t = d / ww;      printf "WAV 24: %.0f × real time (target ≥ 600): %s\n", t, (t >= 600 ? "met" : "MISSED")
  m = (p1 > p2 ? p1 : p2)
  printf "peak memory: %d MiB (target < 150): %s\n", m, (m < 150 ? "met" : "MISSED")
  printf "peak memory at %d min: %d MiB vs %d MiB (target: no growth, within 10%%): %s\n", long, pl, p1,
         (pl <= p1 * 1.1 + 2 ? "met" : "MISSED") }'
if $peers; then # rows 4.. are sox flac16, sox wav24, ffmpeg flac16, ffmpeg wav24
  for i in 4 5 6 7; do
    own=$(( i % 2 == 0 ? 0 : 1 ))
    awk -v a="${names[$own]}" -v b="${names[$i]}" -v wa="${walls[$own]}" -v wb="${walls[$i]}" 'BEGIN{
      printf "%s vs %s: %.1f × faster (target > 1): %s\n", a, b, wb / (wa > 0 ? wa : 0.01), (wa < wb ? "met" : "MISSED") }'
  done
fi
[ "$min" -eq 60 ] || echo "(the targets are for the full 60 minutes; a short run is dominated by start-up)"
exit $status
