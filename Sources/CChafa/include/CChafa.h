// libchafa, loaded at run time with dlopen when installed (Debian libchafa0): no build-time
// dependency, so a fresh machine builds and runs without it.
#ifndef HAILUO_CCHAFA_H
#define HAILUO_CCHAFA_H
int hailuo_chafa_load(void);
#endif
