#define _GNU_SOURCE  // dlinfo
// Finds libchafa at run time. The prototypes are declared here from chafa 1.12's API (opaque
// pointers, enums as int), so no chafa or glib header is needed to build.
#include "chafa_api.h"
#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

hailuo_chafa_api hailuo_chafa;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char library_name[128] = "";

#define RESOLVE(handle, field, name)                                                                          \
    do {                                                                                                      \
        void *symbol = dlsym(handle, name);                                                                   \
        if (symbol == NULL) return 0;                                                                         \
        memcpy(&hailuo_chafa.field, &symbol, sizeof symbol);                                                  \
    } while (0)

static int resolve_all(void *handle) {
    RESOLVE(handle, symbol_map_new, "chafa_symbol_map_new");
    RESOLVE(handle, symbol_map_add_by_tags, "chafa_symbol_map_add_by_tags");
    RESOLVE(handle, symbol_map_remove_by_tags, "chafa_symbol_map_remove_by_tags");
    RESOLVE(handle, symbol_map_unref, "chafa_symbol_map_unref");
    RESOLVE(handle, config_new, "chafa_canvas_config_new");
    RESOLVE(handle, config_unref, "chafa_canvas_config_unref");
    RESOLVE(handle, config_set_geometry, "chafa_canvas_config_set_geometry");
    RESOLVE(handle, config_set_canvas_mode, "chafa_canvas_config_set_canvas_mode");
    RESOLVE(handle, config_set_symbol_map, "chafa_canvas_config_set_symbol_map");
    RESOLVE(handle, config_set_work_factor, "chafa_canvas_config_set_work_factor");
    RESOLVE(handle, config_set_dither_mode, "chafa_canvas_config_set_dither_mode");
    RESOLVE(handle, config_set_pixel_mode, "chafa_canvas_config_set_pixel_mode");
    RESOLVE(handle, canvas_new, "chafa_canvas_new");
    RESOLVE(handle, canvas_unref, "chafa_canvas_unref");
    RESOLVE(handle, canvas_draw_all_pixels, "chafa_canvas_draw_all_pixels");
    RESOLVE(handle, canvas_get_char_at, "chafa_canvas_get_char_at");
    RESOLVE(handle, canvas_get_colors_at, "chafa_canvas_get_colors_at");
    RESOLVE(handle, canvas_get_raw_colors_at, "chafa_canvas_get_raw_colors_at");
    return 1;
}

/// The real file behind the handle, e.g. libchafa.so.0.8.4 (its version as a library).
static void remember_name(void *handle) {
    strcpy(library_name, "libchafa.so.0");
    struct link_map *map = NULL;
    if (dlinfo(handle, RTLD_DI_LINKMAP, &map) != 0 || map == NULL || map->l_name == NULL) return;
    char *real = realpath(map->l_name, NULL);
    if (real == NULL) return;
    const char *slash = strrchr(real, '/');
    const char *base = slash ? slash + 1 : real;
    if (strlen(base) < sizeof library_name) strcpy(library_name, base);
    free(real);
}

static void load_once(void) {
    if (getenv("HAILUO_NO_CHAFA") != NULL) return;
    void *handle = dlopen("libchafa.so.0", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return;
    if (!resolve_all(handle)) {
        memset(&hailuo_chafa, 0, sizeof hailuo_chafa);
        dlclose(handle);
        return;
    }
    remember_name(handle);
    loaded = 1;  // the handle stays open for the life of the process
}

int hailuo_chafa_load(void) {
    pthread_once(&once, load_once);
    return loaded;
}

const char *hailuo_chafa_library_name(void) { return hailuo_chafa_load() ? library_name : ""; }
