#include "CImageDecoding.h"
int hailuo_image_decoding_version(void) { return 0; }
