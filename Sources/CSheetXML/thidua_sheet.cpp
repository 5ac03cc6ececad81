// A worksheet's XML read by pugixml in segments cut between rows (thidua_sheet.h says what
// and why). Every entry point catches everything: no C++ exception reaches Swift.
#include "thidua_sheet.h"

#include <pugixml.hpp>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

namespace {

// ---------------------------------------------------------------------------------------
// What pugixml does not check and libxml2 does: the bytes are UTF-8 of XML characters, and
// every `&` starts a reference to a predefined entity or a character (no DTD, so no other
// entity exists). A segment failing this is left to libxml2, which says what is wrong.

bool xml_char(uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// The reference at p[i] == '&': its length up to and including ';', or 0 when it is not one
// this reader can stand behind.
size_t reference_length(const unsigned char *p, size_t n, size_t i) {
    static const char *const named[] = {"amp;", "lt;", "gt;", "apos;", "quot;"};
    const unsigned char *s = p + i + 1;
    size_t left = n - i - 1;
    for (const char *name : named) {
        size_t k = std::strlen(name);
        if (left >= k && std::memcmp(s, name, k) == 0) return k + 1;
    }
    if (left < 3 || s[0] != '#') return 0;
    bool hex = s[1] == 'x';
    size_t j = hex ? 2 : 1;
    uint32_t value = 0;
    size_t digits = 0;
    for (; j < left && s[j] != ';'; ++j, ++digits) {
        unsigned char c = s[j];
        uint32_t d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
        else return 0;
        value = value * (hex ? 16 : 10) + d;
        if (value > 0x10FFFF) return 0;
    }
    if (j >= left || digits == 0 || !xml_char(value)) return 0;
    return j + 2;
}

bool valid_text(const unsigned char *p, size_t n) {
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t i = 0;
    while (i < n) {
        // Eight plain bytes at a time: no high bit, none below 0x20, no '&'.
        if (i + 8 <= n) {
            uint64_t x;
            std::memcpy(&x, p + i, 8);
            uint64_t amp = x ^ (ones * '&');
            uint64_t suspect = (x & highs) | ((x - ones * 0x20) & ~x & highs) | ((amp - ones) & ~amp & highs);
            if (suspect == 0) {
                i += 8;
                continue;
            }
        }
        unsigned char c = p[i];
        if (c < 0x80) {
            if (c < 0x20 && c != 0x9 && c != 0xA && c != 0xD) return false;
            if (c == '&') {
                size_t k = reference_length(p, n, i);
                if (k == 0) return false;
                i += k;
                continue;
            }
            ++i;
            continue;
        }
        size_t extra;
        uint32_t value;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) { extra = 1; value = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2; value = c & 0x0F;
            if (c == 0xE0) low = 0xA0;
            if (c == 0xED) high = 0x9F;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3; value = c & 0x07;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F;
        } else {
            return false;
        }
        if (i + extra >= n) return false;
        for (size_t k = 1; k <= extra; ++k) {
            unsigned char b = p[i + k];
            if (k == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) return false;
            value = (value << 6) | (b & 0x3F);
        }
        if (!xml_char(value)) return false;
        i += extra + 1;
    }
    return true;
}

// ---------------------------------------------------------------------------------------

// Names are a byte or three ("c", "v", "row"): a loop, not a call to strchr, per name.
const unsigned char *local_name(const char *name) {
    const char *local = name;
    for (const char *p = name; *p; ++p) if (*p == ':') local = p + 1;
    return reinterpret_cast<const unsigned char *>(local);
}

bool is_namespace_declaration(const char *name) {
    return name[0] == 'x' && std::strncmp(name, "xmlns", 5) == 0 && (name[5] == 0 || name[5] == ':');
}

bool space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

enum class Mode { head, rows, whole };

// The most read before sheetData starts (Excel's widest <cols> is a few hundred KB).
const size_t max_head = 4 << 20;

}  // namespace

struct thidua_sheet {
    void *context;
    thidua_sheet_start start;
    thidua_sheet_end end;
    thidua_sheet_text text;
    size_t segment_bytes;
    size_t max_pending;

    // Grown by realloc, never zero-filled: a thousand small forms each asking for a chunk's
    // room made `std::vector::resize` clear a quarter of a megabyte per form.
    unsigned char *pending = nullptr;
    size_t capacity = 0;
    size_t used = 0;           // bytes of `pending` holding the part
    Mode mode = Mode::head;
    bool first = true;         // the next segment is the part's beginning
    size_t content_start = 0;  // where rows may start in `pending` (after the head)
    size_t scanned = 0;        // how far the head has been read
    size_t searched = 0;       // no row starts in pending[cut floor + segment, searched)
    int depth = 0;
    std::string prefix;        // the worksheet and sheetData start tags
    std::string suffix;        // their end tags
    std::string row_name;      // "<row", or "<x:row" when sheetData is "x:sheetData"
    unsigned char *work = nullptr;
    size_t work_capacity = 0;

    ~thidua_sheet() {
        std::free(pending);
        std::free(work);
    }

    // Room for `count` bytes at `*buffer` (of `*size`), or false.
    static bool reserve(unsigned char **buffer, size_t *size, size_t count) {
        if (*size >= count) return true;
        size_t grown = *size ? *size : 4096;
        while (grown < count) grown *= 2;
        void *fresh = std::realloc(*buffer, grown);
        if (!fresh) return false;
        *buffer = static_cast<unsigned char *>(fresh);
        *size = grown;
        return true;
    }
    std::vector<const unsigned char *> attributes;

    // Reads the head (declaration, worksheet start tag, what precedes sheetData) as far as
    // `used`: returns false when it cannot be taken on (the caller's parser reads it).
    bool scan_head() {
        const unsigned char *p = pending;
        size_t n = used, i = scanned;
        while (i < n) {
            const void *lt = std::memchr(p + i, '<', n - i);
            if (!lt) { scanned = n; return true; }
            i = static_cast<const unsigned char *>(lt) - p;
            if (i + 1 >= n) { scanned = i; return true; }
            unsigned char next = p[i + 1];
            if (next == '?') {
                const unsigned char *close = find(p, i + 2, n, "?>");
                if (!close) { scanned = i; return true; }
                size_t after = close - p + 2;
                if (!utf8_declaration(p + i, after - i)) return false;
                i = after;
            } else if (next == '!') {
                if (n - i < 4) { scanned = i; return true; }
                if (std::memcmp(p + i, "<!--", 4) != 0) return false;  // a DTD, CDATA: not here
                const unsigned char *close = find(p, i + 4, n, "-->");
                if (!close) { scanned = i; return true; }
                i = close - p + 3;
            } else if (next == '/') {
                const void *gt = std::memchr(p + i, '>', n - i);
                if (!gt) { scanned = i; return true; }
                // The worksheet closed before any sheetData: nothing to cut.
                if (--depth <= 0) return false;
                i = static_cast<const unsigned char *>(gt) - p + 1;
            } else {
                size_t name_end = i + 1;
                while (name_end < n && !space(p[name_end]) && p[name_end] != '>' && p[name_end] != '/') ++name_end;
                // The tag's end: '>' outside quoted values.
                size_t j = name_end;
                unsigned char quote = 0;
                for (; j < n; ++j) {
                    unsigned char c = p[j];
                    if (quote) { if (c == quote) quote = 0; }
                    else if (c == '"' || c == '\'') quote = c;
                    else if (c == '>') break;
                }
                if (j >= n) { scanned = i; return true; }
                bool empty = p[j - 1] == '/';
                std::string name(reinterpret_cast<const char *>(p + i + 1), name_end - i - 1);
                if (name.empty()) return false;
                std::string tag(reinterpret_cast<const char *>(p + i), j + 1 - i);
                if (depth == 0) {
                    if (empty) return false;
                    prefix = tag;
                    suffix = "</" + name + ">";
                } else if (depth == 1 && std::strcmp(reinterpret_cast<const char *>(local_name(name.c_str())), "sheetData") == 0) {
                    if (empty) {
                        mode = Mode::whole;
                        return true;
                    }
                    prefix += tag;
                    suffix = "</" + name + ">" + suffix;
                    size_t colon = name.find(':');
                    row_name = "<" + (colon == std::string::npos ? std::string() : name.substr(0, colon + 1)) + "row";
                    mode = Mode::rows;
                    content_start = j + 1;
                    return true;
                }
                if (!empty) ++depth;
                i = j + 1;
            }
        }
        scanned = i;
        return true;
    }

    static const unsigned char *find(const unsigned char *p, size_t from, size_t n, const char *needle) {
        size_t k = std::strlen(needle);
        if (n < from + k) return nullptr;
        const void *hit = memmem(p + from, n - from, needle, k);
        return static_cast<const unsigned char *>(hit);
    }

    // True unless the declaration names an encoding other than UTF-8.
    static bool utf8_declaration(const unsigned char *p, size_t n) {
        std::string text(reinterpret_cast<const char *>(p), n);
        if (text.compare(0, 5, "<?xml") != 0 || (n > 5 && !space(p[5]))) return true;  // another PI
        size_t at = text.find("encoding");
        if (at == std::string::npos) return true;
        size_t q = text.find_first_of("\"'", at);
        if (q == std::string::npos) return false;
        size_t close = text.find(text[q], q + 1);
        if (close == std::string::npos) return false;
        std::string value = text.substr(q + 1, close - q - 1);
        for (char &c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return value == "utf-8" || value == "utf8";
    }

    // True when a row element starts at pending[at] (its name and a delimiter there).
    bool row_starts_at(size_t at) const {
        size_t k = row_name.size();
        if (at + k >= used || std::memcmp(pending + at, row_name.data(), k) != 0) return false;
        unsigned char c = pending[at + k];
        return space(c) || c == '>' || c == '/';
    }

    // The last row start in pending(floor, limit), or 0: the cut that keeps a segment
    // within `segment_bytes`, a row's length back from the limit.
    size_t row_start_before(size_t floor, size_t limit) const {
        size_t i = limit < used ? limit : used;
        while (i > floor + 1) {
            const void *lt = memrchr(pending + floor + 1, '<', i - floor - 1);
            if (!lt) return 0;
            size_t at = static_cast<const unsigned char *>(lt) - pending;
            if (row_starts_at(at)) return at;
            i = at;
        }
        return 0;
    }

    // The first row start at or after `from`, or 0 when none has arrived yet (one row
    // longer than a segment). Bytes searched in vain are not searched again.
    size_t row_start_after(size_t from) {
        size_t k = row_name.size();
        size_t i = searched > from ? searched : from;
        while (i + k < used) {
            const void *hit = memmem(pending + i, used - i, row_name.data(), k);
            if (!hit) break;
            size_t at = static_cast<const unsigned char *>(hit) - pending;
            if (at + k >= used) { searched = at; return 0; }
            if (row_starts_at(at)) return at;
            i = at + 1;
        }
        searched = used > k ? used - k : 0;
        return 0;
    }

    int parse_segment(size_t offset, size_t length, bool last) {
        unsigned char *text = pending + offset;
        size_t size = length;
        // The whole part in one piece is parsed where it lies; a piece of it is copied
        // between the start tags and the end tags it needs.
        if (!first || !last) {
            size = (first ? 0 : prefix.size()) + length + (last ? 0 : suffix.size());
            if (!reserve(&work, &work_capacity, size)) return THIDUA_SHEET_UNSUPPORTED;
            size_t at = 0;
            if (!first) { std::memcpy(work, prefix.data(), prefix.size()); at = prefix.size(); }
            std::memcpy(work + at, pending + offset, length);
            if (!last) std::memcpy(work + at + length, suffix.data(), suffix.size());
            text = work;
        }
        first = false;
        if (!valid_text(text, size)) return THIDUA_SHEET_UNSUPPORTED;
        pugi::xml_document document;
        unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;
        pugi::xml_parse_result parsed = document.load_buffer_inplace(text, size, flags, pugi::encoding_utf8);
        if (!parsed) return THIDUA_SHEET_UNSUPPORTED;
        return walk(document);
    }

    // The tree's events in document order, without recursion.
    int walk(const pugi::xml_document &document) {
        pugi::xml_node root;
        for (pugi::xml_node child = document.first_child(); child; child = child.next_sibling()) {
            switch (child.type()) {
            case pugi::node_element:
                if (root) return THIDUA_SHEET_UNSUPPORTED;  // a second root
                root = child;
                break;
            case pugi::node_pcdata: {
                const char *value = child.value();
                for (; *value; ++value) if (!space(static_cast<unsigned char>(*value))) return THIDUA_SHEET_UNSUPPORTED;
                break;
            }
            case pugi::node_declaration: case pugi::node_comment: case pugi::node_pi:
                break;
            default:
                return THIDUA_SHEET_UNSUPPORTED;  // a DTD, CDATA outside the root
            }
        }
        if (!root) return THIDUA_SHEET_UNSUPPORTED;
        pugi::xml_node node = root;
        for (;;) {
            pugi::xml_node_type type = node.type();
            if (type == pugi::node_element) {
                if (open(node)) return THIDUA_SHEET_STOPPED;
                pugi::xml_node child = node.first_child();
                if (child) { node = child; continue; }
                if (end(context, local_name(node.name()))) return THIDUA_SHEET_STOPPED;
            } else if (type == pugi::node_pcdata || type == pugi::node_cdata) {
                const char *value = node.value();
                size_t length = std::strlen(value);
                if (length > 0) text(context, reinterpret_cast<const unsigned char *>(value), length);
            }
            while (!node.next_sibling()) {
                if (node == root) return THIDUA_SHEET_OK;
                node = node.parent();
                if (end(context, local_name(node.name()))) return THIDUA_SHEET_STOPPED;
            }
            if (node == root) return THIDUA_SHEET_OK;
            node = node.next_sibling();
        }
    }

    int open(const pugi::xml_node &node) {
        int count = 0;
        for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
            const char *name = a.name();
            if (is_namespace_declaration(name)) continue;
            size_t at = static_cast<size_t>(count) * 5;
            if (attributes.size() < at + 5) attributes.resize(at + 5 > 40 ? 2 * (at + 5) : 40);
            const char *value = a.value();
            size_t length = 0;
            while (value[length]) ++length;
            const unsigned char *bytes = reinterpret_cast<const unsigned char *>(value);
            const unsigned char **slot = attributes.data() + at;
            slot[0] = local_name(name);
            slot[1] = nullptr;
            slot[2] = nullptr;
            slot[3] = bytes;
            slot[4] = bytes + length;
            ++count;
        }
        return start(context, local_name(node.name()), count ? attributes.data() : nullptr, count);
    }

    int commit(size_t count) {
        used += count;
        if (mode == Mode::head) {
            // A head this long is no worksheet's: left to the caller's parser.
            if (!scan_head() || (mode == Mode::head && used > max_head)) return THIDUA_SHEET_UNSUPPORTED;
        }
        if (mode == Mode::rows) {
            // Segments of about `segment_bytes` each, cut at the last row start before
            // that size (or the first after it, for a longer row), moved out once.
            size_t start = 0;
            for (;;) {
                size_t floor = first ? content_start : start;
                if (used - floor < segment_bytes) break;
                size_t cut = row_start_before(floor, floor + segment_bytes);
                if (cut == 0) cut = row_start_after(floor + segment_bytes);
                if (cut == 0) break;
                int status = parse_segment(start, cut - start, false);
                if (status != THIDUA_SHEET_OK) return status;
                start = cut;
                searched = 0;
            }
            if (start > 0) {
                std::memmove(pending, pending + start, used - start);
                used -= start;
                searched = searched > start ? searched - start : 0;
            }
        }
        return used > max_pending ? THIDUA_SHEET_UNSUPPORTED : THIDUA_SHEET_OK;
    }

    int finish() {
        if (mode == Mode::head) return THIDUA_SHEET_UNSUPPORTED;
        if (used == 0) return THIDUA_SHEET_OK;
        if (!ends_with_root()) return THIDUA_SHEET_UNSUPPORTED;
        return parse_segment(0, used, true);
    }

    // True when the part ends with the worksheet's end tag and white space: pugixml
    // overlooks text after the root, which libxml2 refuses ("Extra content").
    bool ends_with_root() const {
        const unsigned char *p = pending;
        size_t i = used;
        while (i > 0 && space(p[i - 1])) --i;
        if (i == 0 || p[i - 1] != '>') return false;
        --i;
        while (i > 0 && space(p[i - 1])) --i;
        // The end tag's name is the last of `suffix` ("...</worksheet>").
        size_t open = suffix.rfind("</");
        if (open == std::string::npos) return false;
        std::string tag = suffix.substr(open, suffix.size() - open - 1);
        return i >= tag.size() && std::memcmp(p + i - tag.size(), tag.data(), tag.size()) == 0;
    }
};

extern "C" {

thidua_sheet *thidua_sheet_create(void *context, thidua_sheet_start start, thidua_sheet_end end,
                                  thidua_sheet_text text, size_t segment_bytes, size_t max_pending) {
    try {
        thidua_sheet *sheet = new thidua_sheet();
        sheet->context = context;
        sheet->start = start;
        sheet->end = end;
        sheet->text = text;
        sheet->segment_bytes = segment_bytes > 0 ? segment_bytes : 1;
        sheet->max_pending = max_pending;
        return sheet;
    } catch (...) {
        return nullptr;
    }
}

unsigned char *thidua_sheet_space(thidua_sheet *sheet, size_t count) {
    if (!thidua_sheet::reserve(&sheet->pending, &sheet->capacity, sheet->used + count)) return nullptr;
    return sheet->pending + sheet->used;
}

int thidua_sheet_commit(thidua_sheet *sheet, size_t count) {
    try {
        return sheet->commit(count);
    } catch (...) {
        return THIDUA_SHEET_UNSUPPORTED;
    }
}

int thidua_sheet_finish(thidua_sheet *sheet) {
    try {
        return sheet->finish();
    } catch (...) {
        return THIDUA_SHEET_UNSUPPORTED;
    }
}

void thidua_sheet_free(thidua_sheet *sheet) { delete sheet; }

int thidua_sheet_valid_text(const unsigned char *bytes, size_t length) {
    return valid_text(bytes, length) ? 1 : 0;
}

}  // extern "C"
