#include "CChafa.h"
int hailuo_chafa_load(void) { return 0; }
