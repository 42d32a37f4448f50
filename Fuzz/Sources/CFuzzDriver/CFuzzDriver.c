// Only the header matters: LLVMFuzzerRunDriver comes from the fuzzer runtime.
#include "CFuzzDriver.h"
