// LLVMFuzzerRunDriver is defined by libFuzzer, which -sanitize=fuzzer links in;
// this target only declares it to Swift.
#include "CLibFuzzer.h"
