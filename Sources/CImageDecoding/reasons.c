#include "reasons.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int hailuo_fail(hailuo_decoded_image *out, const char *format, ...) {
    if (out->pixels) free(out->pixels);
    out->pixels = NULL;
    out->width = 0;
    out->height = 0;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(out->error, sizeof out->error, format, arguments);
    va_end(arguments);
    return -1;
}

int hailuo_check_pixel_limit(hailuo_decoded_image *out, uint64_t width, uint64_t height, int64_t limit) {
    if (width == 0 || height == 0) return hailuo_fail(out, "the picture has no pixels (%llux%llu)",
                                                      (unsigned long long)width, (unsigned long long)height);
    uint64_t pixels = width * height;  // both sides fit in 32 bits, so this cannot overflow
    if (limit < 0 || pixels <= (uint64_t)limit) return 0;
    if (limit >= 1000000 && limit % 1000000 == 0) {
        return hailuo_fail(out, "%llux%llu is over the %lld MP limit", (unsigned long long)width,
                           (unsigned long long)height, (long long)(limit / 1000000));
    }
    return hailuo_fail(out, "%llux%llu is over the %lld-pixel limit", (unsigned long long)width,
                       (unsigned long long)height, (long long)limit);
}

void hailuo_image_free(void *memory) { free(memory); }
