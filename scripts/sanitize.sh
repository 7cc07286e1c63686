#!/usr/bin/env bash
# The tests that run threads, under AddressSanitizer and then ThreadSanitizer:
# the render's two threads (mix and master, Tests/StillpointAudioTests/Render),
# the parallel builds (Tests/StillpointBuildTests), the recogniser's workers of
# `takes` (RecognisedTakeTests) and, in the tool built with the sanitizer (the
# tests run the binary beside them), `watch`'s polling and the signal handlers
# (WatchTests, SignalTests).
#
#   scripts/sanitize.sh [address|thread]      (both by default)
#
# Each sanitizer has its own scratch path (.build-asan, .build-tsan), so neither
# rebuilds the other's nor the normal .build. The whole suite under both takes
# too long for the 2-core machine (its end-to-end tests spawn the tool hundreds
# of times); these suites are where threads meet. Any report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

FILTER='StillpointAudioTests\.(RendererTests|ScriptRenderTests|EveryRenderTests|LoudnessProfileTests|ChunkMeterTests|TimelineVoiceTests)|StillpointBuildTests\.|StillpointTakesTests\.RecognisedTakeTests|StillpointCLITests\.(WatchTests|SignalTests)'
sanitizers=("$@")
if [[ ${#sanitizers[@]} -eq 0 ]]; then sanitizers=(address thread); fi

for sanitizer in "${sanitizers[@]}"; do
    case $sanitizer in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "usage: scripts/sanitize.sh [address|thread]" >&2; exit 2 ;;
    esac
    echo "== $sanitizer sanitizer ($scratch)"
    start=$SECONDS
    # halt_on_error: the first report fails the test run rather than scrolling by.
    # Leak checking is off: the Swift runtime keeps metadata and Foundation its
    # caches for the life of the process, reported as leaks at exit.
    ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 TSAN_OPTIONS=halt_on_error=1 \
        swift test --sanitize="$sanitizer" --scratch-path "$scratch" --filter "$FILTER"
    echo "== $sanitizer sanitizer: clean in $((SECONDS - start)) s"
done
