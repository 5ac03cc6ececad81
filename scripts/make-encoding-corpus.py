#!/usr/bin/env python3
"""Writes the corpus cases whose point is their bytes (legacy Vietnamese
encodings, UTF-16, binary headers), which an editor would silently "fix".

    python3 scripts/make-encoding-corpus.py

Windows-1258 uses Python's own cp1258 codec, in the form Word writes it:
precomposed base letters (â ê ô ơ ư ă đ) followed by combining tone marks.
TCVN3 (ABC) and VNI have no codec in Python; their bytes come from the
published tables below (TCVN3 lowercase agrees with glibc's TCVN5712-1).
"""
import pathlib
import unicodedata

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/ThiDuaKitTests/Corpus"

# A plan header as a clerk would have typed it in an old editor.
TEXT = """loai: ke_hoach
co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
so: 5
ky_hieu: KH-LĐLĐ
dia_danh: Bến Tre
ngay: 2025-02-20
trich_yeu: Phát động thi đua lao động giỏi năm 2025
luu: [VT, Ban Tổ chức]
chu_ky:
  chuc_vu: Chủ tịch
  ho_ten: Nguyễn Văn Đức
"""

# TCVN 5712:1993 VN3 ("ABC", fonts .VnTime): lowercase precomposed letters
# in 0xB5-0xFE, seven capitals in 0xA1-0xA7; other capitals do not exist
# (old documents used the .VnTimeH font with the lowercase codes instead).
TCVN3 = {
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}

# VNI (fonts VNI-Times): an ASCII base letter followed by one mark byte.
# Lowercase marks are the Latin-1 letters below; capitals use the same
# letters in upper case (0xC0-0xDF).
VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_CIRCUMFLEX_TONE = {None: "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE_TONE = {None: "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni(text):
    out = bytearray()
    for ch in text:
        if ch in "đĐ":
            out += ("ñ" if ch == "đ" else "Ñ").encode("latin-1")
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        if base.isascii() and not marks:
            out += base.encode("ascii")
            continue
        upper = base.isupper()
        tone = next((m for m in marks if m in VNI_TONE), None)
        if "\u031b" in marks:  # horn: ơ ư are single letters in VNI
            letter = {"o": "ô", "u": "ö"}[base.lower()]
            out += (letter.upper() if upper else letter).encode("latin-1")
            mark = VNI_TONE.get(tone, "")
        elif "\u0302" in marks:
            out += base.encode("ascii")
            mark = VNI_CIRCUMFLEX_TONE[tone]
        elif "\u0306" in marks:
            out += base.encode("ascii")
            mark = VNI_BREVE_TONE[tone]
        elif base.lower() == "i":
            out += (VNI_I[tone].upper() if upper else VNI_I[tone]).encode("latin-1")
            continue
        else:
            out += base.encode("ascii")
            mark = VNI_TONE[tone]
        out += (mark.upper() if upper else mark).encode("latin-1")
    return bytes(out)


def cp1258(text):
    """Precomposed base letter + combining tone, as Word's Windows-1258."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in parts[1:] if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def tcvn3(text):
    out = bytearray()
    for ch in text:
        if ch.isascii():
            out += ch.encode("ascii")
        elif ch in TCVN3:
            out.append(TCVN3[ch])
        else:  # a toned capital: write it as the lowercase code, as .VnTimeH did
            out.append(TCVN3[ch.lower()])
    return bytes(out)


def main():
    (OUT / "windows-1258.yaml").write_bytes(cp1258(TEXT))
    (OUT / "tcvn3.yaml").write_bytes(tcvn3(TEXT))
    (OUT / "vni.yaml").write_bytes(vni(TEXT))
    (OUT / "utf16.yaml").write_bytes(TEXT.encode("utf-16"))  # with BOM, as Notepad writes
    (OUT / "utf16-no-bom.yaml").write_bytes(TEXT.encode("utf-16-le"))
    # A Word .docx renamed to .yaml: the ZIP local file header.
    (OUT / "binary.yaml").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml")
    (OUT / "png.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    # A UTF-8 file with a BOM and Windows line ends, as Notepad saves it: accepted.
    (OUT / "bom-crlf.yaml").write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    # Decomposed (NFD) text, as some Mac tools write it: accepted, same as NFC.
    (OUT / "nfd.yaml").write_bytes(unicodedata.normalize("NFD", TEXT).encode("utf-8"))


if __name__ == "__main__":
    main()
