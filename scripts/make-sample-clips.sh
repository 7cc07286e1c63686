#!/usr/bin/env bash
# Records the sample library's voice with espeak-ng, so the library renders without
# --draft on a fresh clone. A practitioner replaces these files with their own voice:
# same names, any supported format (see `stillpoint clips --missing`).
#
#   usage: scripts/make-sample-clips.sh [--all]
#
# Asks `stillpoint clips --tsv` for every phrase of scripts-library/ and its words,
# and writes scripts-library/clips/NAME.flac (mono, 22050 Hz, 16-bit, leading and
# trailing silence trimmed to a short margin), speaking the transcript the tool
# chose (the first one written; a clip with none is skipped). Only missing clips
# are made unless --all is given. It also makes the looped ocean recording,
# scripts-library/ambience/ocean.flac, when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=scripts-library
clips=$lib/clips
all=false
case ${1:-} in
  --all) all=true ;;
  "") ;;
  *) echo "usage: $0 [--all]" >&2; exit 2 ;;
esac
command -v espeak-ng >/dev/null && command -v sox >/dev/null ||
  { echo "needs espeak-ng and sox (scripts/setup.sh installs them)" >&2; exit 1; }

# A slow, low, gentle voice: 120 words a minute, pitch 35, a short gap between words.
voice=(-v en-us+f3 -s 120 -p 35 -g 3)
# Two clips are kept in another format on purpose, so that the library itself
# exercises the renderer's readers of those formats. Every other clip is FLAC.
format_of() { case $1 in its-ok) echo wav ;; goodnight) echo ogg ;; *) echo flac ;; esac; }
extensions=(flac wav ogg opus mp3 aiff)

# The tool reads the scripts, so this script needs no parser of its own:
# STILLPOINT_BIN, or the debug build, brought up to date first.
if [ -z "${STILLPOINT_BIN:-}" ]; then
  swift build --product stillpoint >&2
  STILLPOINT_BIN=$(swift build --show-bin-path)/stillpoint
fi
# NAME<TAB>CLIPS FOLDER<TAB>WORDS a phrase, in order of first use, with the
# transcript the tool chose; a script with an error stops this script here.
listing=$("$STILLPOINT_BIN" clips --tsv "$lib")

# NAME<TAB>TEXT for every clip with words (`printf %b` undoes the \\, \t and \n
# of --tsv).
transcripts() {
  printf '%s\n' "$listing" | while IFS=$'\t' read -r name _ text; do
    [ -n "$text" ] || continue
    printf '%s\t%s\n' "$name" "$(printf '%b' "$text")"
  done
}

# Every recording of NAME in the clips folder, whatever its extension.
recordings() { local e; for e in "${extensions[@]}"; do [ -f "$clips/$1.$e" ] && echo "$clips/$1.$e"; done; true; }

mkdir -p "$clips" "$lib/ambience"
work=$(mktemp -d "${TMPDIR:-/tmp}/sample-clips.XXXXXX")
trap 'rm -rf "$work"' EXIT

made=0; kept=0
while IFS=$'\t' read -r name text; do
  existing=$(recordings "$name")
  if [ -n "$existing" ] && ! $all; then kept=$((kept + 1)); continue; fi
  [ -z "$existing" ] || echo "$existing" | while IFS= read -r f; do rm -f "$f"; done
  ext=$(format_of "$name")
  case $ext in ogg) enc=(-C 6) ;; *) enc=(-b 16) ;; esac
  espeak-ng "${voice[@]}" -w "$work/raw.wav" "$text"
  # Trim silence below -50 dB at both ends, then leave a short, even margin.
  sox "$work/raw.wav" -r 22050 -c 1 "${enc[@]}" "$clips/$name.$ext" \
    silence 1 0.02 -50d reverse silence 1 0.02 -50d reverse pad 0.05 0.2
  made=$((made + 1))
done < <(transcripts)

# The format forbids two recordings of one name, so refuse to leave any behind.
clip_names() { ls "$clips" | sed -n 's/\.[^.]*$//p' | sort; }
dupes=$(clip_names | uniq -d)
[ -z "$dupes" ] || { echo "two recordings with the same name: $dupes" >&2; exit 1; }
# Recordings no script uses any more are reported, not deleted: they may be the
# practitioner's own voice.
used=$(transcripts | cut -f1 | sort)
clip_names | comm -23 - <(echo "$used") | sed 's/^/unused recording: /' >&2

# Twenty seconds of waves: brown noise, band-limited, swelling twice; the loop
# point sits in the quiet between two waves, so it loops without a seam.
ocean=$lib/ambience/ocean.flac
if [ ! -f "$ocean" ] || $all; then
  sox -R -n -r 22050 -c 1 -b 16 "$ocean" synth 20 brownnoise synth 20 sine amod 0.1 25 75 \
    lowpass 1000 highpass 50 gain -n -8
fi
echo "clips: $made made, $kept kept ($(clip_names | wc -l | tr -d ' ') in $clips)"
