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
#include <libxml/globals.h>

/* libxml2 reports some failures (an encoding it cannot convert, an I/O error) through its
   generic error handler, which prints English text to stderr; thidua reports every failure
   itself, in Vietnamese, from the parser's state. The handler is per thread, so each parser
   sets it on the thread it parses on; new threads get it too. A C function because the
   handler is variadic, which Swift cannot define. */
static void thidua_xml_ignore(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void thidua_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, thidua_xml_ignore);
    xmlThrDefSetGenericErrorFunc(NULL, thidua_xml_ignore);
}
#endif
