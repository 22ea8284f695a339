// One picture through chafa: a symbol map, a canvas config and a canvas, made and dropped per call
// (each call owns its objects, so calls on several threads never share one).
#include <stddef.h>
#include "chafa_api.h"

static int symbol_tags(hailuo_chafa_symbols symbols) {
    if (symbols == HAILUO_CHAFA_SYMBOLS_ASCII) return CHAFA_SYMBOL_TAG_ASCII | CHAFA_SYMBOL_TAG_SPACE;
    return CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_SPACE | CHAFA_SYMBOL_TAG_SOLID |
           CHAFA_SYMBOL_TAG_HHALF | CHAFA_SYMBOL_TAG_VHALF | CHAFA_SYMBOL_TAG_QUAD;
}

/// Symbols that could take two columns, or none a terminal font is sure to have.
static const int excluded_tags = CHAFA_SYMBOL_TAG_WIDE | CHAFA_SYMBOL_TAG_AMBIGUOUS | CHAFA_SYMBOL_TAG_UGLY |
                                 CHAFA_SYMBOL_TAG_LEGACY | CHAFA_SYMBOL_TAG_SEXTANT | CHAFA_SYMBOL_TAG_INVERTED;

static int canvas_mode(hailuo_chafa_mode mode) {
    switch (mode) {
    case HAILUO_CHAFA_INDEXED_240: return CHAFA_CANVAS_MODE_INDEXED_240;
    case HAILUO_CHAFA_INDEXED_16: return CHAFA_CANVAS_MODE_INDEXED_16;
    case HAILUO_CHAFA_MONOCHROME: return CHAFA_CANVAS_MODE_FGBG;
    default: return CHAFA_CANVAS_MODE_TRUECOLOR;
    }
}

int hailuo_chafa_render(const uint8_t *rgba, int32_t width, int32_t height, int32_t columns, int32_t rows,
                        hailuo_chafa_mode mode, hailuo_chafa_symbols symbols, uint32_t *chars_out,
                        int32_t *fg_out, int32_t *bg_out) {
    if (!hailuo_chafa_load() || rgba == NULL || width <= 0 || height <= 0 || columns <= 0 || rows <= 0) return -1;
    chafa_symbol_map *map = hailuo_chafa.symbol_map_new();
    if (map == NULL) return -1;
    hailuo_chafa.symbol_map_add_by_tags(map, symbol_tags(symbols));
    hailuo_chafa.symbol_map_remove_by_tags(map, excluded_tags);
    chafa_canvas_config *config = hailuo_chafa.config_new();
    if (config == NULL) {
        hailuo_chafa.symbol_map_unref(map);
        return -1;
    }
    hailuo_chafa.config_set_geometry(config, columns, rows);
    hailuo_chafa.config_set_canvas_mode(config, canvas_mode(mode));
    hailuo_chafa.config_set_symbol_map(config, map);  // the config keeps its own copy
    hailuo_chafa.config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SYMBOLS);
    hailuo_chafa.config_set_dither_mode(config, CHAFA_DITHER_MODE_NONE);
    hailuo_chafa.config_set_work_factor(config, 0.5f);
    chafa_canvas *canvas = hailuo_chafa.canvas_new(config);
    hailuo_chafa.config_unref(config);
    hailuo_chafa.symbol_map_unref(map);
    if (canvas == NULL) return -1;
    hailuo_chafa.canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, rgba, width, height, width * 4);
    for (int32_t y = 0; y < rows; y++) {
        for (int32_t x = 0; x < columns; x++) {
            int index = y * columns + x;
            int fg = -1, bg = -1;
            chars_out[index] = hailuo_chafa.canvas_get_char_at(canvas, x, y);
            if (mode == HAILUO_CHAFA_TRUECOLOR) {
                hailuo_chafa.canvas_get_colors_at(canvas, x, y, &fg, &bg);
            } else if (mode != HAILUO_CHAFA_MONOCHROME) {
                hailuo_chafa.canvas_get_raw_colors_at(canvas, x, y, &fg, &bg);
            }
            fg_out[index] = fg;
            bg_out[index] = bg;
        }
    }
    hailuo_chafa.canvas_unref(canvas);
    return 0;
}
