// libFuzzer's entry for programs with their own `main` (compiler-rt's
// FuzzerInterface.h). SwiftPM gives every executable a `main` of its own, so the
// fuzz targets call this instead of relying on libFuzzer's `main`; linked by
// `-sanitize=fuzzer` (scripts/fuzz.sh).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
