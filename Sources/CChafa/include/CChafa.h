// libchafa, loaded at run time with dlopen when installed (Debian libchafa0): no build-time
// dependency, so a fresh machine builds and runs without it. Swift calls the small wrappers
// below and never holds a chafa object.
#ifndef HAILUO_CCHAFA_H
#define HAILUO_CCHAFA_H
#include <stdint.h>

/// Loads libchafa.so.0 once (thread-safe) and resolves every function used. Returns 1 when
/// chafa is usable, 0 when it is absent or lacks a function (then it is treated as absent).
int hailuo_chafa_load(void);

/// The loaded library's file name, e.g. "libchafa.so.0.8.4", or "" when absent.
const char *hailuo_chafa_library_name(void);

/// How many colours the cells may use.
typedef enum {
    HAILUO_CHAFA_TRUECOLOR = 0,
    /// The 240 palette colours past the 16 named ones (which terminals theme).
    HAILUO_CHAFA_INDEXED_240 = 1,
    HAILUO_CHAFA_INDEXED_16 = 2,
    /// The terminal's foreground and background only.
    HAILUO_CHAFA_MONOCHROME = 3,
} hailuo_chafa_mode;

/// Which symbols the cells may hold; all of them one column wide.
typedef enum {
    /// Blocks, half blocks, quadrants and borders.
    HAILUO_CHAFA_SYMBOLS_BLOCKS = 0,
    HAILUO_CHAFA_SYMBOLS_ASCII = 1,
} hailuo_chafa_symbols;

/// Renders `width` x `height` opaque RGBA8 pixels (row by row, no padding) into `columns` x `rows`
/// cells. Per cell (row by row): `chars_out` the code point; `fg_out`/`bg_out` a packed 0xRRGGBB
/// in truecolor, a palette index (0...255) in the indexed modes, or -1 for the terminal's own
/// colour (monochrome). Deterministic: no dithering, a fixed work factor. Returns 0, or -1 when
/// chafa is absent or failed.
int hailuo_chafa_render(const uint8_t *rgba, int32_t width, int32_t height, int32_t columns, int32_t rows,
                        hailuo_chafa_mode mode, hailuo_chafa_symbols symbols, uint32_t *chars_out,
                        int32_t *fg_out, int32_t *bg_out);
#endif
