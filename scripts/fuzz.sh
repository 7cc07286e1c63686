#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, with AddressSanitizer) of what reads user
# files: the .session parser and resolver, library.defaults, the build record
# reader, clip decoding and the SBaGen importer.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     e.g. scripts/fuzz.sh script 600
#
# TARGET is script, defaults, record, clip or sbagen (default all); SECONDS is each
# target's run (default 60). Builds the targets (release, -sanitize=fuzzer,address,
# in .build-fuzz/), makes seed corpora in .build-fuzz/corpus/<target>/ from the
# sample library, small clips made with sox and ffmpeg and the SBaGen corpus
# (../shared/corpus/sbagen, read where it lies), then runs each target
# in one process on one core (no -jobs: libFuzzer's fork mode
# would write its own fuzz-N.log files). The corpus grows across runs. A crash is
# written to .build-fuzz/crashes/<target>/ and the script exits non-zero; make it
# a regression test in the module's test target (docs/reliability.md, "Fuzzing").
# Each target's last libFuzzer lines (executions, cov:, ft:, corpus) are in
# .build-fuzz/logs/<target>.log.
#
# Adding a target: write Sources/Fuzz<Name>/main.swift
# (as Sources/FuzzDefaults/main.swift: Fuzz.run { bytes, count in … }), add
# ("Fuzz<Name>", [<its module>]) to fuzzTargets at the end of Package.swift, add
# <name>=Fuzz<Name> to PRODUCTS below and a seeds_<name> function.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A PRODUCTS=([script]=FuzzScript [defaults]=FuzzDefaults [record]=FuzzBuildRecord [clip]=FuzzClip [sbagen]=FuzzSBaGen)
ORDER=(script defaults record clip sbagen)
target=${1:-all}
seconds=${2:-60}
scratch=.build-fuzz

if [[ $target == all ]]; then targets=("${ORDER[@]}")
elif [[ -n ${PRODUCTS[$target]:-} ]]; then targets=("$target")
else
    echo "usage: scripts/fuzz.sh [${ORDER[*]// /|}|all] [SECONDS]" >&2
    exit 2
fi

# lld: gold fails on the sanitizer runtime's symbols ("internal error in
# format_file_lineno"). STILLPOINT_FUZZ=1 declares the targets (Package.swift).
build() {
    STILLPOINT_FUZZ=1 swift build -c release --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --product "$1"
}

# Every .session in the sample library and the `new` templates.
seeds_script() {
    find scripts-library Sources/stillpoint/Templates -name '*.session' -exec cp {} "$1/" \;
    printf '0:00 say welcome\n0:01 say breathe\n0:05 end\n' >"$1/tiny.session"
}

seeds_defaults() {
    cp scripts-library/library.defaults "$1/sample.defaults"
    cp Sources/stillpoint/Templates/library.defaults "$1/template.defaults"
    printf 'format: mp3\nloudness: -16\npeak: -1\nvoice-level: -20\nduck: -9 dB\nclips: clips\n' >"$1/settings.defaults"
}

# A record as `build` writes it (format 1), with a track of two versions and a stray.
seeds_record() {
    cat >"$1/record.json" <<'JSON'
{
  "files" : {
    "clips/welcome.flac" : {
      "hash" : "9f86d081884c7d659a2feaa0c55ad015", "hashedAt" : 1700000002.25,
      "identity" : { "inode" : 1234, "modifiedNanoseconds" : 500000000, "modifiedSeconds" : 1700000000, "size" : 48213 }
    }
  },
  "format" : 1,
  "strays" : [ "old/arriving.ogg" ],
  "tracks" : {
    "arriving.session" : {
      "dependencies" : { "clips/welcome.flac" : "9f86d081884c7d659a2feaa0c55ad015", "arriving.session" : "e3b0c442" },
      "extraOutputs" : [ "arriving.mp3" ],
      "fingerprint" : "flac/16/48000/2/-18",
      "output" : "arriving.flac",
      "outputIdentity" : { "inode" : 99, "modifiedNanoseconds" : 0, "modifiedSeconds" : 1700000001, "size" : 901234 },
      "rendererVersion" : "1"
    },
    "sleep/drift.session#10m" : {
      "dependencies" : { },
      "extraOutputs" : [ ],
      "fingerprint" : "x",
      "output" : "sleep/drift-10m.flac",
      "rendererVersion" : "1"
    }
  }
}
JSON
    if [[ -f output/.stillpoint-build.json ]]; then cp output/.stillpoint-build.json "$1/library.json"; fi
}

# Short clips (8 kHz, 50 ms, so the inputs stay small) in every format and depth.
seeds_clip() {
    local d=$1
    sox -n -r 8000 -c 1 -b 16 "$d/mono16.wav" synth 0.05 sine 440
    sox -n -r 8000 -c 2 -b 24 "$d/stereo24.wav" synth 0.05 sine 440 sine 660
    sox -n -r 8000 -c 1 -e floating-point -b 32 "$d/float.wav" synth 0.05 sine 440
    sox -n -r 8000 -c 1 -b 16 "$d/mono.aiff" synth 0.05 sine 440
    sox -n -r 8000 -c 1 -b 16 "$d/mono.flac" synth 0.05 sine 440
    sox -n -r 8000 -c 2 -b 24 "$d/stereo24.flac" synth 0.05 sine 440 sine 660
    ffmpeg -loglevel error -y -f lavfi -i "sine=f=440:r=8000:d=0.1" -c:a libvorbis "$d/vorbis.ogg"
    ffmpeg -loglevel error -y -f lavfi -i "sine=f=440:r=48000:d=0.05" -c:a libopus "$d/opus.ogg"
    ffmpeg -loglevel error -y -f lavfi -i "sine=f=440:r=8000:d=0.1" -c:a libmp3lame -b:a 8k "$d/mono.mp3"
}

# Every schedule of the SBaGen corpus (GPL-2 test data, copied only into the
# scratch seed folder, never into the repository), and one of each transition.
seeds_sbagen() {
    local corpus
    for corpus in ../shared/corpus/sbagen ../../shared/corpus/sbagen; do
        if [[ -d $corpus ]]; then
            find "$corpus" -name '*.sbg' | while read -r f; do cp "$f" "$1/$(echo "$f" | tr / _)"; done
            break
        fi
    done
    printf -- '-SE -m river1.ogg\na: 200+10/20 pink/10 mix/50\nb: 150-4/30 bell+800/20\noff: -\nNOW == a ->\n+0:01 <> b\n+0:02:30 >< off\n' >"$1/tiny.sbg"
}

# The .session words from the parser's own lists (lines, cues, generators,
# options, settings), as a libFuzzer dictionary for the two script targets.
dictionary() {
    sed -n '/^let \(cueKeywords\|lineKeywords\|generatorKeywords\|optionNames\|settingNames\)\b/,/\]/p' \
        Sources/StillpointScript/Parser.swift Sources/StillpointScript/Settings.swift |
        grep -o '"[a-z-]*"' | sort -u
    printf '"%s"\n' ':' '0:00' '1:30' ' dB' ' Hz' ' s' 'x' '%' '#' '\x0A' '\x09' '\x22'
}

# SBaGen's words: noise colours, waveforms, options, transitions, block marks.
sbagen_dictionary() {
    printf '"%s"\n' pink/ white/ brown/ bell mix/ spin: mixspin: mixam: mixpulse: wave NOW \
        '->' '==' '<>' '><' '<' '>' -SE -S -E -m -p -T -F -r -o -i drop slide sigmoid '{' '}' '+' / '@' ':' 'off: -'
}

status=0
for name in "${targets[@]}"; do
    product=${PRODUCTS[$name]}
    echo "== $name ($product): building"
    build "$product"
    corpus=$scratch/corpus/$name crashes=$scratch/crashes/$name seeds=$scratch/seeds/$name
    rm -rf "$seeds" && mkdir -p "$seeds" "$corpus" "$crashes" "$scratch/logs"
    "seeds_$name" "$seeds"
    flags=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$crashes/")
    if [[ $name == script || $name == defaults ]]; then
        dictionary >"$scratch/session.dict"
        flags+=(-dict="$scratch/session.dict")
    elif [[ $name == sbagen ]]; then
        sbagen_dictionary >"$scratch/sbagen.dict"
        flags+=(-dict="$scratch/sbagen.dict")
    fi
    echo "== $name: fuzzing for $seconds s"
    # Leaks are off: the Swift runtime's metadata caches and Foundation's buffers
    # are kept for the process's life and would each be reported as a crash.
    # Swift's backtracer is off: it and ASan's handler fight over a crash's signal.
    if ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no STILLPOINT_FUZZ_LIBRARY=scripts-library \
        "$scratch/release/$product" "${flags[@]}" "$corpus" "$seeds" >"$scratch/logs/$name.log" 2>&1
    then
        grep -E '^#[0-9]+.*(DONE|pulse)|^stat::' "$scratch/logs/$name.log" | tail -6
    else
        status=1
        tail -40 "$scratch/logs/$name.log"
        echo "== $name: crash, see $crashes/ and $scratch/logs/$name.log" >&2
    fi
done
exit $status
