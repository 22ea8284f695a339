// libjpeg's error manager, turned from "print and exit" into a longjmp back to the caller.
#ifndef HAILUO_JPEG_ERRORS_H
#define HAILUO_JPEG_ERRORS_H
#include <setjmp.h>
#include <stdio.h>
#include <jpeglib.h>

typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    /// libjpeg's message for the failure, when there is one.
    char message[JMSG_LENGTH_MAX];
    /// The data ended before the picture did.
    int truncated;
} hailuo_jpeg_errors;

/// Installs `errors` as `info`'s error manager: errors and the end-of-data warning longjmp to
/// `errors->jump`; other warnings are ignored; nothing is printed.
void hailuo_jpeg_errors_install(struct jpeg_common_struct *info, hailuo_jpeg_errors *errors);
#endif
