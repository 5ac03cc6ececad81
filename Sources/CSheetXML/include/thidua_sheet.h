#ifndef THIDUA_SHEET_H
#define THIDUA_SHEET_H
/* A worksheet's XML read by pugixml a piece at a time: the bytes are cut between two
   <row> elements into segments of about `segment_bytes`, each parsed as a document of its
   own (the worksheet and sheetData start tags put before it, their end tags after), and
   its elements handed to the callbacks in document order, as a SAX parser would. Memory
   is a segment and its tree, whatever the size of the sheet.

   Anything this reader does not take on - a DTD, an encoding other than UTF-8, bytes
   that are not UTF-8 or not XML characters, an entity it does not know, XML that pugixml
   finds malformed, a sheet it cannot cut - ends the read with THIDUA_SHEET_UNSUPPORTED,
   and the caller reads the part again with its strict streaming parser (libxml2), which
   gives the diagnostic. */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct thidua_sheet thidua_sheet;

/* An element opened: its local name (prefix dropped) and its attributes as libxml2's
   SAX2 gives them, five pointers each (local name, prefix, URI, value start, value end;
   prefix and URI NULL); namespace declarations are not attributes. Returns nonzero to
   stop the read. Pointers are valid during the call only. */
typedef int (*thidua_sheet_start)(void *context, const unsigned char *local_name,
                                  const unsigned char **attributes, int count);
/* An element closed. Returns nonzero to stop the read. */
typedef int (*thidua_sheet_end)(void *context, const unsigned char *local_name);
/* Text (or CDATA) inside the current element. */
typedef void (*thidua_sheet_text)(void *context, const unsigned char *bytes, size_t length);

enum {
    THIDUA_SHEET_OK = 0,
    THIDUA_SHEET_STOPPED = 1,
    THIDUA_SHEET_UNSUPPORTED = 2
};

/* A reader; NULL when memory runs out. `max_pending` bounds what is held before a cut
   (a row or a head larger than that is left to the caller's parser). */
thidua_sheet *thidua_sheet_create(void *context, thidua_sheet_start start, thidua_sheet_end end,
                                  thidua_sheet_text text, size_t segment_bytes, size_t max_pending);
/* Room for `count` more bytes after those given so far; NULL when memory runs out. */
unsigned char *thidua_sheet_space(thidua_sheet *sheet, size_t count);
/* `count` bytes were written into the room; parses the segments now whole. */
int thidua_sheet_commit(thidua_sheet *sheet, size_t count);
/* The end of the part: parses what is left. */
int thidua_sheet_finish(thidua_sheet *sheet);
void thidua_sheet_free(thidua_sheet *sheet);

/* 1 when `bytes` are UTF-8 of XML characters only, whose every `&` starts a reference
   to a predefined entity or to a character; else 0. Exposed for the tests. */
int thidua_sheet_valid_text(const unsigned char *bytes, size_t length);

#ifdef __cplusplus
}
#endif
#endif
