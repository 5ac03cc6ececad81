#ifndef THIDUA_CXLSXWRITER_SHIM_H
#define THIDUA_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
