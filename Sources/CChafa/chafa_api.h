// The part of chafa 1.12's API hailuo uses, declared by hand: objects are opaque pointers and
// enums are ints with chafa's values (see chafa-canvas-config.h, chafa-symbol-map.h,
// chafa-common.h).
#ifndef HAILUO_CHAFA_API_H
#define HAILUO_CHAFA_API_H
#include <stdint.h>
#include "CChafa.h"

enum {
    CHAFA_CANVAS_MODE_TRUECOLOR = 0,
    CHAFA_CANVAS_MODE_INDEXED_240 = 2,
    CHAFA_CANVAS_MODE_INDEXED_16 = 3,
    CHAFA_CANVAS_MODE_FGBG = 5,
    CHAFA_DITHER_MODE_NONE = 0,
    CHAFA_PIXEL_MODE_SYMBOLS = 0,
    CHAFA_PIXEL_RGBA8_UNASSOCIATED = 4,
};

enum {
    CHAFA_SYMBOL_TAG_SPACE = 1 << 0,
    CHAFA_SYMBOL_TAG_SOLID = 1 << 1,
    CHAFA_SYMBOL_TAG_BLOCK = 1 << 3,
    CHAFA_SYMBOL_TAG_BORDER = 1 << 4,
    CHAFA_SYMBOL_TAG_QUAD = 1 << 7,
    CHAFA_SYMBOL_TAG_HHALF = 1 << 8,
    CHAFA_SYMBOL_TAG_VHALF = 1 << 9,
    CHAFA_SYMBOL_TAG_INVERTED = 1 << 10,
    CHAFA_SYMBOL_TAG_ASCII = 1 << 14,
    CHAFA_SYMBOL_TAG_WIDE = 1 << 18,
    CHAFA_SYMBOL_TAG_AMBIGUOUS = 1 << 19,
    CHAFA_SYMBOL_TAG_UGLY = 1 << 20,
    CHAFA_SYMBOL_TAG_LEGACY = 1 << 21,
    CHAFA_SYMBOL_TAG_SEXTANT = 1 << 22,
};

typedef struct chafa_symbol_map chafa_symbol_map;
typedef struct chafa_canvas_config chafa_canvas_config;
typedef struct chafa_canvas chafa_canvas;

/// chafa's functions, resolved by `hailuo_chafa_load`.
typedef struct {
    chafa_symbol_map *(*symbol_map_new)(void);
    void (*symbol_map_add_by_tags)(chafa_symbol_map *, int tags);
    void (*symbol_map_remove_by_tags)(chafa_symbol_map *, int tags);
    void (*symbol_map_unref)(chafa_symbol_map *);
    chafa_canvas_config *(*config_new)(void);
    void (*config_unref)(chafa_canvas_config *);
    void (*config_set_geometry)(chafa_canvas_config *, int width, int height);
    void (*config_set_canvas_mode)(chafa_canvas_config *, int mode);
    void (*config_set_symbol_map)(chafa_canvas_config *, const chafa_symbol_map *);
    void (*config_set_work_factor)(chafa_canvas_config *, float work_factor);
    void (*config_set_dither_mode)(chafa_canvas_config *, int dither_mode);
    void (*config_set_pixel_mode)(chafa_canvas_config *, int pixel_mode);
    chafa_canvas *(*canvas_new)(const chafa_canvas_config *);
    void (*canvas_unref)(chafa_canvas *);
    void (*canvas_draw_all_pixels)(chafa_canvas *, int pixel_type, const uint8_t *pixels, int width, int height,
                                   int rowstride);
    uint32_t (*canvas_get_char_at)(chafa_canvas *, int x, int y);
    void (*canvas_get_colors_at)(chafa_canvas *, int x, int y, int *fg, int *bg);
    void (*canvas_get_raw_colors_at)(chafa_canvas *, int x, int y, int *fg, int *bg);
} hailuo_chafa_api;

extern hailuo_chafa_api hailuo_chafa;
#endif
