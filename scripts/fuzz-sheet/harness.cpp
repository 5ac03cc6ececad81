// libFuzzer harness of scripts/fuzz-sheet.sh: the segment reader and the whole-part reader of
// Sources/CSheetXML on any bytes; the callbacks touch every name and value they are given.
#include "thidua_sheet.h"
#include <cstring>
#include <cstdint>
#include <cstdlib>
static volatile size_t sink;
static int st(void*, const unsigned char*n, const unsigned char**a, int c){ size_t s=strlen((const char*)n); for(int i=0;i<c;i++){ s+=strlen((const char*)a[i*5]); for(const unsigned char*p=a[i*5+3];p<a[i*5+4];p++) s+=*p; } sink+=s; return (s%97)==0 && getenv("STOPS"); }
static int en(void*, const unsigned char*n){ sink+=strlen((const char*)n); return 0; }
static void tx(void*, const unsigned char*b, size_t l){ size_t s=0; for(size_t i=0;i<l;i++) s+=b[i]; sink+=s; }
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  size_t segment = 1 + data[0] * 7, piece = 1 + data[1] * 3;
  data += 2; size -= 2;
  thidua_sheet *s = thidua_sheet_create(nullptr, st, en, tx, segment, 1 << 16);
  size_t off = 0; int status = 0;
  while (status == 0) {
    size_t n = size - off < piece ? size - off : piece;
    unsigned char *room = thidua_sheet_space(s, piece);
    if (!room) break;
    if (n == 0) { status = thidua_sheet_finish(s); break; }
    memcpy(room, data + off, n); off += n;
    status = thidua_sheet_commit(s, n);
  }
  thidua_sheet_free(s);
  thidua_sheet_valid_text(data, size);
  unsigned char *copy = (unsigned char*)malloc(size ? size : 1); memcpy(copy, data, size);
  thidua_xml_read(copy, size, nullptr, st, en, tx); free(copy);
  return 0;
}
