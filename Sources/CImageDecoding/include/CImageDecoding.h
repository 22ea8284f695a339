// PNG and JPEG decoding for previews, through libpng and libjpeg-turbo. In C because libjpeg
// reports errors by longjmp, which Swift cannot catch.
#ifndef HAILUO_CIMAGEDECODING_H
#define HAILUO_CIMAGEDECODING_H
#include <stddef.h>
#include <stdint.h>
int hailuo_image_decoding_version(void);
#endif
