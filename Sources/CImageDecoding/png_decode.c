// PNG through libpng's simplified API: any colour type and bit depth to 8-bit sRGB RGBA.
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include "reasons.h"

/// A short reason for one of libpng's messages.
static int png_failure(hailuo_decoded_image *out, const char *message) {
    if (strstr(message, "out of data") || strstr(message, "beyond end") || strstr(message, "Read Error") ||
        strstr(message, "Not enough image data") || strstr(message, "truncated")) {
        return hailuo_fail(out, "the PNG is truncated");
    }
    if (strstr(message, "CRC")) return hailuo_fail(out, "the PNG is damaged (a checksum is wrong)");
    if (strstr(message, "memory")) return hailuo_fail(out, "not enough memory to decode the PNG");
    return hailuo_fail(out, "the PNG is damaged (%.100s)", message[0] ? message : "unreadable");
}

int hailuo_decode_png(const uint8_t *data, size_t size, int64_t pixel_limit, hailuo_decoded_image *out) {
    memset(out, 0, sizeof *out);
    if (data == NULL || size < 8 || png_sig_cmp(data, 0, 8) != 0) return hailuo_fail(out, "not a PNG");
    // The size in IHDR first, so a picture over the limit is refused even before libpng reads on.
    if (size >= 24 && memcmp(data + 12, "IHDR", 4) == 0) {
        uint32_t width = png_get_uint_32(data + 16), height = png_get_uint_32(data + 20);
        if (width > 0 && height > 0 && hailuo_check_pixel_limit(out, width, height, pixel_limit) != 0) return -1;
    }
    if (size < 33) return hailuo_fail(out, "the PNG is truncated");  // signature + IHDR

    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        int result = png_failure(out, image.message);
        png_image_free(&image);
        return result;
    }
    if (hailuo_check_pixel_limit(out, image.width, image.height, pixel_limit) != 0) {
        png_image_free(&image);
        return -1;
    }
    image.format = PNG_FORMAT_RGBA;
    size_t byte_count = (size_t)image.width * (size_t)image.height * 4;
    uint8_t *pixels = malloc(byte_count);
    if (pixels == NULL) {
        png_image_free(&image);
        return hailuo_fail(out, "not enough memory for %ux%u", image.width, image.height);
    }
    // finish_read frees the image's libpng state on both paths.
    if (!png_image_finish_read(&image, NULL, pixels, 0, NULL)) {
        free(pixels);
        int result = png_failure(out, image.message);
        png_image_free(&image);
        return result;
    }
    out->pixels = pixels;
    out->width = (int32_t)image.width;
    out->height = (int32_t)image.height;
    return 0;
}
