#include <FLAC/metadata.h>
