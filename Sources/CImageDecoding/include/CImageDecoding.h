// PNG and JPEG decoding for previews, through libpng and libjpeg-turbo. In C because libjpeg
// reports errors by longjmp, which Swift cannot catch.
#ifndef HAILUO_CIMAGEDECODING_H
#define HAILUO_CIMAGEDECODING_H
#include <stddef.h>
#include <stdint.h>

/// A decoded picture or the reason there is none. On success `pixels` holds `width * height`
/// RGBA8 pixels (row by row, no padding) allocated here: free them with `hailuo_image_free`.
/// On failure `pixels` is NULL and `error` holds a short English reason.
typedef struct {
    uint8_t *pixels;
    int32_t width;
    int32_t height;
    char error[160];
} hailuo_decoded_image;

/// Decodes a PNG (any colour type, bit depth, palette, transparency) into RGBA8. Refuses
/// pictures over `pixel_limit` pixels before allocating them. Returns 0 on success, -1 on failure.
int hailuo_decode_png(const uint8_t *data, size_t size, int64_t pixel_limit, hailuo_decoded_image *out);

/// Decodes a JPEG (baseline or progressive; colour, grayscale or CMYK) into RGBA8. When
/// `min_width` or `min_height` is positive, decodes at the smallest DCT scale (1/8 ... 8/8)
/// whose size is at least that on each side. Refuses pictures over `pixel_limit` pixels (at
/// full size, since progressive decoding holds the whole picture's coefficients) before
/// allocating them. A truncated file is an error, not a picture padded with grey.
int hailuo_decode_jpeg(const uint8_t *data, size_t size, int32_t min_width, int32_t min_height,
                       int64_t pixel_limit, hailuo_decoded_image *out);

/// Frees memory returned by these functions (NULL is fine).
void hailuo_image_free(void *memory);

/// How `hailuo_encode_jpeg` stores the picture.
typedef enum {
    HAILUO_JPEG_COLOR = 0,
    HAILUO_JPEG_GRAYSCALE = 1,
    /// Adobe-style inverted CMYK with K at 0 ink.
    HAILUO_JPEG_CMYK = 2,
} hailuo_jpeg_kind;

/// Encodes RGBA8 pixels (alpha ignored) as a JPEG, for tests, fuzzing and benchmarks. On success
/// returns 0 and sets `*bytes_out` (free with `hailuo_image_free`) and `*size_out`.
int hailuo_encode_jpeg(const uint8_t *rgba, int32_t width, int32_t height, int quality, int progressive,
                       hailuo_jpeg_kind kind, uint8_t **bytes_out, size_t *size_out);

/// How `hailuo_encode_png` stores the picture.
typedef enum {
    HAILUO_PNG_RGBA = 0,
    HAILUO_PNG_GRAY = 1,
    /// A palette (colour map) with transparency (tRNS): at most 256 distinct colours.
    HAILUO_PNG_PALETTE = 2,
} hailuo_png_kind;

/// Encodes RGBA8 pixels as a PNG, for tests, fuzzing and benchmarks. On success returns 0 and
/// sets `*bytes_out` (free with `hailuo_image_free`) and `*size_out`.
int hailuo_encode_png(const uint8_t *rgba, int32_t width, int32_t height, hailuo_png_kind kind,
                      uint8_t **bytes_out, size_t *size_out);
#endif
