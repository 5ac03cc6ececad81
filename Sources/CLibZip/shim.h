#ifndef THIDUA_CLIBZIP_SHIM_H
#define THIDUA_CLIBZIP_SHIM_H
#include <zip.h>
#endif
