#include "jpeg_errors.h"
#include <jerror.h>
#include <string.h>

static void fail(j_common_ptr info) {
    hailuo_jpeg_errors *errors = (hailuo_jpeg_errors *)info->err;
    errors->manager.format_message(info, errors->message);
    longjmp(errors->jump, 1);
}

static void warn(j_common_ptr info, int level) {
    hailuo_jpeg_errors *errors = (hailuo_jpeg_errors *)info->err;
    if (level < 0) {
        errors->manager.num_warnings++;
        // The memory source inserts a fake end of image and says so; the picture would be grey below.
        if (errors->manager.msg_code == JWRN_JPEG_EOF) {
            errors->truncated = 1;
            longjmp(errors->jump, 1);
        }
    }
}

static void quiet(j_common_ptr info) { (void)info; }

void hailuo_jpeg_errors_install(struct jpeg_common_struct *info, hailuo_jpeg_errors *errors) {
    memset(errors, 0, sizeof *errors);
    info->err = jpeg_std_error(&errors->manager);
    errors->manager.error_exit = fail;
    errors->manager.emit_message = warn;
    errors->manager.output_message = quiet;
}
