// JPEG through libjpeg-turbo: baseline and progressive, colour, grayscale and CMYK, to RGBA8,
// optionally at a reduced DCT scale.
#include <stdlib.h>
#include <string.h>
#include "jpeg_errors.h"
#include "reasons.h"

/// More scans than any real progressive JPEG has; a file with more is refused (it would take
/// seconds to decode).
enum { max_scans = 1000 };

typedef struct {
    struct jpeg_progress_mgr manager;
    hailuo_jpeg_errors *errors;
    int too_many_scans;
} scan_limit;

static void check_scans(j_common_ptr info) {
    j_decompress_ptr decompress = (j_decompress_ptr)info;
    scan_limit *limit = (scan_limit *)info->progress;
    if (decompress->input_scan_number > max_scans) {
        limit->too_many_scans = 1;
        longjmp(limit->errors->jump, 1);
    }
}

/// Picks the smallest scale n/8 whose output is at least `min_width` x `min_height`.
static void choose_scale(j_decompress_ptr info, int32_t min_width, int32_t min_height) {
    if (min_width <= 0 && min_height <= 0) return;
    for (unsigned numerator = 1; numerator <= 8; numerator++) {
        info->scale_num = numerator;
        info->scale_denom = 8;
        jpeg_calc_output_dimensions(info);
        if ((int64_t)info->output_width >= min_width && (int64_t)info->output_height >= min_height) return;
    }
}

/// CMYK (Adobe files store it inverted) to RGBA, in place.
static void cmyk_to_rgba(uint8_t *row, JDIMENSION width, int inverted) {
    for (JDIMENSION x = 0; x < width; x++) {
        uint8_t *pixel = row + 4 * x;
        unsigned c = pixel[0], m = pixel[1], y = pixel[2], k = pixel[3];
        if (!inverted) {
            c = 255 - c;
            m = 255 - m;
            y = 255 - y;
            k = 255 - k;
        }
        pixel[0] = (uint8_t)(c * k / 255);
        pixel[1] = (uint8_t)(m * k / 255);
        pixel[2] = (uint8_t)(y * k / 255);
        pixel[3] = 255;
    }
}

static int jpeg_failure(hailuo_decoded_image *out, const hailuo_jpeg_errors *errors, const scan_limit *limit) {
    if (out->error[0]) return -1;  // already said (the pixel limit)
    if (errors->truncated) return hailuo_fail(out, "the JPEG is truncated");
    if (limit->too_many_scans) return hailuo_fail(out, "the JPEG has over %d scans", max_scans);
    if (strstr(errors->message, "nsufficient memory")) return hailuo_fail(out, "not enough memory to decode the JPEG");
    return hailuo_fail(out, "the JPEG is damaged (%.100s)", errors->message[0] ? errors->message : "unreadable");
}

int hailuo_decode_jpeg(const uint8_t *data, size_t size, int32_t min_width, int32_t min_height,
                       int64_t pixel_limit, hailuo_decoded_image *out) {
    memset(out, 0, sizeof *out);
    if (data == NULL || size < 3 || data[0] != 0xFF || data[1] != 0xD8 || data[2] != 0xFF) {
        return hailuo_fail(out, "not a JPEG");
    }
    struct jpeg_decompress_struct info;
    hailuo_jpeg_errors errors;
    scan_limit limit;
    memset(&limit, 0, sizeof limit);
    limit.manager.progress_monitor = check_scans;
    limit.errors = &errors;
    uint8_t *volatile pixels = NULL;

    hailuo_jpeg_errors_install((j_common_ptr)&info, &errors);
    if (setjmp(errors.jump)) {
        free(pixels);
        jpeg_destroy_decompress(&info);
        return jpeg_failure(out, &errors, &limit);
    }
    jpeg_create_decompress(&info);
    info.progress = &limit.manager;
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_read_header(&info, TRUE);
    if (hailuo_check_pixel_limit(out, info.image_width, info.image_height, pixel_limit) != 0) {
        jpeg_destroy_decompress(&info);
        return -1;
    }
    int cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    info.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
    info.dct_method = JDCT_ISLOW;
    choose_scale(&info, min_width, min_height);
    jpeg_start_decompress(&info);
    if (info.output_components != 4) {
        strcpy(errors.message, "an unexpected colour layout");
        longjmp(errors.jump, 1);
    }
    size_t stride = (size_t)info.output_width * 4;
    pixels = malloc(stride * info.output_height);
    if (pixels == NULL) {
        strcpy(errors.message, "Insufficient memory");
        longjmp(errors.jump, 1);
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = pixels + stride * info.output_scanline;
        if (jpeg_read_scanlines(&info, &row, 1) != 1) {
            errors.truncated = 1;
            longjmp(errors.jump, 1);
        }
        if (cmyk) cmyk_to_rgba(row, info.output_width, info.saw_Adobe_marker);
    }
    out->pixels = pixels;
    out->width = (int32_t)info.output_width;
    out->height = (int32_t)info.output_height;
    // Every row is in: whatever follows (the end marker, trailing bytes) does not matter.
    jpeg_destroy_decompress(&info);
    return 0;
}
