// Encoders for tests, fuzzing and benchmarks: real JPEGs (colour, grayscale, CMYK, progressive)
// and PNGs (RGBA, grayscale, palette with transparency) made in memory.
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include "jpeg_errors.h"
#include "reasons.h"

int hailuo_encode_jpeg(const uint8_t *rgba, int32_t width, int32_t height, int quality, int progressive,
                       hailuo_jpeg_kind kind, uint8_t **bytes_out, size_t *size_out) {
    *bytes_out = NULL;
    *size_out = 0;
    if (rgba == NULL || width <= 0 || height <= 0 || width > 65500 || height > 65500) return -1;
    struct jpeg_compress_struct info;
    hailuo_jpeg_errors errors;
    unsigned char *volatile buffer = NULL;
    unsigned long buffer_size = 0;
    uint8_t *volatile row = malloc((size_t)width * 4);
    if (row == NULL) return -1;

    hailuo_jpeg_errors_install((j_common_ptr)&info, &errors);
    if (setjmp(errors.jump)) {
        jpeg_destroy_compress(&info);
        free(buffer);
        free(row);
        return -1;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, (unsigned char **)&buffer, &buffer_size);
    info.image_width = (JDIMENSION)width;
    info.image_height = (JDIMENSION)height;
    info.input_components = 4;
    info.in_color_space = kind == HAILUO_JPEG_CMYK ? JCS_CMYK : JCS_EXT_RGBA;
    jpeg_set_defaults(&info);
    if (kind == HAILUO_JPEG_GRAYSCALE) jpeg_set_colorspace(&info, JCS_GRAYSCALE);
    if (kind == HAILUO_JPEG_CMYK) jpeg_set_colorspace(&info, JCS_CMYK);  // writes an Adobe marker
    jpeg_set_quality(&info, quality, TRUE);
    if (progressive) jpeg_simple_progression(&info);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        const uint8_t *source = rgba + (size_t)info.next_scanline * (size_t)width * 4;
        memcpy(row, source, (size_t)width * 4);
        if (kind == HAILUO_JPEG_CMYK) {
            // Inverted CMYK as Adobe writes it: stored C = 255 - cyan ink = red, and K = 255 (no black).
            for (int32_t x = 0; x < width; x++) row[4 * x + 3] = 255;
        }
        JSAMPROW rows[1] = {row};
        jpeg_write_scanlines(&info, rows, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    free(row);
    *bytes_out = buffer;
    *size_out = buffer_size;
    return 0;
}

/// The palette and index picture of `rgba`; -1 when it has more than 256 colours.
static int build_palette(const uint8_t *rgba, size_t pixel_count, uint8_t *palette, int *entries, uint8_t *indexes) {
    int count = 0;
    for (size_t i = 0; i < pixel_count; i++) {
        const uint8_t *pixel = rgba + 4 * i;
        int found = -1;
        for (int entry = 0; entry < count && found < 0; entry++) {
            if (memcmp(palette + 4 * entry, pixel, 4) == 0) found = entry;
        }
        if (found < 0) {
            if (count == 256) return -1;
            memcpy(palette + 4 * count, pixel, 4);
            found = count++;
        }
        indexes[i] = (uint8_t)found;
    }
    *entries = count;
    return 0;
}

int hailuo_encode_png(const uint8_t *rgba, int32_t width, int32_t height, hailuo_png_kind kind,
                      uint8_t **bytes_out, size_t *size_out) {
    *bytes_out = NULL;
    *size_out = 0;
    if (rgba == NULL || width <= 0 || height <= 0 || width > 65535 || height > 65535) return -1;
    size_t pixel_count = (size_t)width * (size_t)height;
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    const void *source = rgba;
    uint8_t *converted = NULL;
    uint8_t palette[256 * 4];
    int entries = 0;
    switch (kind) {
    case HAILUO_PNG_RGBA: image.format = PNG_FORMAT_RGBA; break;
    case HAILUO_PNG_GRAY:
        image.format = PNG_FORMAT_GRAY;
        converted = malloc(pixel_count);
        if (converted == NULL) return -1;
        for (size_t i = 0; i < pixel_count; i++) {
            const uint8_t *pixel = rgba + 4 * i;
            converted[i] = (uint8_t)((pixel[0] * 299 + pixel[1] * 587 + pixel[2] * 114) / 1000);
        }
        source = converted;
        break;
    case HAILUO_PNG_PALETTE:
        image.format = PNG_FORMAT_RGBA_COLORMAP;
        converted = malloc(pixel_count);
        if (converted == NULL || build_palette(rgba, pixel_count, palette, &entries, converted) != 0) {
            free(converted);
            return -1;
        }
        image.colormap_entries = (png_uint_32)entries;
        source = converted;
        break;
    default: return -1;
    }
    png_alloc_size_t size = 0;
    const void *colormap = kind == HAILUO_PNG_PALETTE ? palette : NULL;
    if (!png_image_write_to_memory(&image, NULL, &size, 0, source, 0, colormap)) {
        free(converted);
        png_image_free(&image);
        return -1;
    }
    uint8_t *bytes = malloc(size);
    if (bytes == NULL || !png_image_write_to_memory(&image, bytes, &size, 0, source, 0, colormap)) {
        free(bytes);
        free(converted);
        png_image_free(&image);
        return -1;
    }
    free(converted);
    *bytes_out = bytes;
    *size_out = size;
    return 0;
}
