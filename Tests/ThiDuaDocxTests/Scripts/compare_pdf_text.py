#!/usr/bin/env python3
"""Checks that a PDF (LibreOffice's rendering of a generated .docx) says everything the
plain-text output of the same document says.

    compare_pdf_text.py DOCUMENT.txt DOCUMENT.pdf [DOCUMENT2.txt DOCUMENT2.pdf …]

The text of the PDF comes from `pdftotext -raw` (content order, so a table cell's text
stays together), page-number lines removed, whitespace collapsed. Each paragraph of the
.txt (its wrapped lines joined) must occur in it; the two-column blocks of the .txt
(letterhead, signature) and its tables are split into their cells, each of which must
occur. "(tiếp theo)", which plain text prints where it splits a table too wide for its
width (a Word table is whole), is not looked for. Prints what is missing; exit status 1
if anything is.
"""
import re
import subprocess
import sys


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(pdf):
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True, text=True).stdout
    lines = [line for line in raw.splitlines() if not re.fullmatch(r"\s*\d+\s*", line)]
    return normalise(" ".join(lines))


# Plain text's own marks, which a whole Word table has no need of.
PLAIN_TEXT_ONLY = {"(tiếp theo)"}


def pieces(txt):
    """What must appear: whole paragraphs, or the cells of column layouts and tables."""
    blocks = re.split(r"\n\s*\n", open(txt, encoding="utf-8").read())
    for block in blocks:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        columns = any(re.search(r"\S {3,}\S", line) for line in lines)
        if columns:
            for line in lines:
                for cell in re.split(r" {2,}", line.strip()):
                    if cell and not re.fullmatch(r"[-―_=]+", cell):
                        yield cell
        else:
            yield normalise(" ".join(line.strip() for line in lines if not re.fullmatch(r"\s*[-―_=]+\s*", line)))


def main():
    missing = []
    arguments = sys.argv[1:]
    for txt, pdf in zip(arguments[0::2], arguments[1::2]):
        text = pdf_text(pdf)
        for piece in pieces(txt):
            if piece and piece not in PLAIN_TEXT_ONLY and piece not in text:
                missing.append(f"{pdf}: thiếu “{piece}”")
    for line in missing[:40]:
        print(line)
    if len(missing) > 40:
        print(f"… và {len(missing) - 40} chỗ khác")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
