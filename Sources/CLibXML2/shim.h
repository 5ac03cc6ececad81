#ifndef THIDUA_CLIBXML2_SHIM_H
#define THIDUA_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and its encoding.h then includes the system ICU
   headers, which clash with the ICU module Foundation brings. Nothing here touches the
   ICU converter fields, so the headers are read without them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
