// Shared helpers of the decoders: the reasons they give (not part of the public header).
#ifndef HAILUO_REASONS_H
#define HAILUO_REASONS_H
#include <stdint.h>
#include <stdio.h>
#include "CImageDecoding.h"

/// Sets `out`'s reason (printf-style) and clears its picture; returns -1 for `return`.
int hailuo_fail(hailuo_decoded_image *out, const char *format, ...) __attribute__((format(printf, 2, 3)));

/// Fails with "WxH is over the N MP limit" when `width * height` exceeds `limit`; else returns 0.
int hailuo_check_pixel_limit(hailuo_decoded_image *out, uint64_t width, uint64_t height, int64_t limit);
#endif
