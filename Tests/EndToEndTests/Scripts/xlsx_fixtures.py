"""Fixtures and judges for the .xlsx round-trip tests, made with real tools.

  fill FORM OUT CSV...   fill thidua's form with openpyxl from the CSVs' figures
                         (numbers as numbers, every 7th as Vietnamese text "1.234")
  totals CSV...          independent totals per indicator key, from the CSVs (JSON)
  table MD               the TỔNG CỘNG row of thidua's Markdown report, by column (JSON)
  hostile DIR            the damaged and hostile corpus, and DIR/expected.tsv
"""
import csv, io, json, struct, sys, zipfile, zlib


def read_csv(path):
    text = open(path, encoding="utf-8-sig").read()
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return rows[0], rows[1:]


def number(text):
    text = text.strip()
    return int(text.replace(".", "")) if text else None


def fill(form, out, csvs):
    import openpyxl
    figures = {}
    for path in csvs:
        header, rows = read_csv(path)
        for row in rows:
            figures[row[0]] = dict(zip(header, row))
    wb = openpyxl.load_workbook(form)
    ws = wb["Số liệu"]
    header = [c.value for c in ws[6]]
    # Header texts are "Name (unit)"; map them to keys through the first CSV's keys.
    names = json.loads(sys.stdin.read()) if not sys.stdin.isatty() else {}
    n = 0
    for row in ws.iter_rows(min_row=7):
        unit = row[1].value
        if unit not in figures:
            continue
        for cell, title in zip(row[3:], header[3:]):
            key = names.get(title)
            value = number(figures[unit].get(key, "")) if key else None
            if value is None:
                continue
            n += 1
            # Some clerks type figures as text in the Vietnamese format.
            cell.value = f"{value:,}".replace(",", ".") if n % 7 == 0 else value
    wb.save(out)


def totals(csvs):
    sums = {}
    for path in csvs:
        header, rows = read_csv(path)
        for row in rows:
            for key, value in zip(header, row):
                if key in ("don_vi", "nhom", "Đơn vị", "Khối") or not value.strip():
                    continue
                sums[key] = sums.get(key, 0) + number(value)
    print(json.dumps(sums, ensure_ascii=False))


def table(md):
    for line in open(md, encoding="utf-8"):
        if "TỔNG CỘNG" in line:
            cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
            print(json.dumps(cells, ensure_ascii=False))
            return


def sheet_xml(rows, extra=""):
    body = "".join(rows)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + extra +
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + body + "</sheetData></worksheet>")


def package(path, sheet, rels_target="worksheets/sheet1.xml", compress=zipfile.ZIP_DEFLATED, extra_entries=()):
    with zipfile.ZipFile(path, "w", compress) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{rels_target}"/></Relationships>')
        if isinstance(sheet, str):
            z.writestr("xl/worksheets/sheet1.xml", sheet)
        else:
            with z.open("xl/worksheets/sheet1.xml", "w") as f:
                for chunk in sheet:
                    f.write(chunk)
        for name, data in extra_entries:
            z.writestr(name, data)


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER = '<row r="1">' + inline("A1", "Đơn vị") + inline("B1", "so_cdcs") + "</row>"


def hostile(folder):
    expected = []
    def add(name, message):
        expected.append(f"{name}\t{message}")
    # An Excel 97-2003 file and a password-protected workbook: both OLE2.
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    open(f"{folder}/cu.xlsx", "wb").write(ole + "Workbook".encode("utf-16-le") + bytes(600))
    add("cu.xlsx", "Excel cũ .xls")
    open(f"{folder}/mat-khau.xlsx", "wb").write(ole + "EncryptedPackage".encode("utf-16-le") + bytes(600))
    add("mat-khau.xlsx", "đặt mật khẩu")
    with zipfile.ZipFile(f"{folder}/bang.xlsx", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    add("bang.xlsx", "OpenDocument (.ods)")
    # A zip, cut in half (a download that stopped).
    package(f"{folder}/tam.xlsx", sheet_xml([HEADER]))
    data = open(f"{folder}/tam.xlsx", "rb").read()
    open(f"{folder}/hong.xlsx", "wb").write(data[: len(data) // 2])
    add("hong.xlsx", "bị hỏng")
    # A deflate stream that never ends (ZIPFoundation 0.9.20 spins forever on it).
    raw = bytes([0x00]) + struct.pack("<HH", 65535, 0) + b"abc"
    name = b"xl/worksheets/sheet1.xml"
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, 0, len(raw), 100, len(name), 0) + name + raw
    central = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, 0, len(raw), 100, len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local), 0)
    open(f"{folder}/nen-cut.xlsx", "wb").write(local + central + end)
    add("nen-cut.xlsx", "không phải bảng tính")
    open(f"{folder}/trang-web.xlsx", "wb").write(b"<html><body><table><tr><td>1</td></tr></table></body></html>")
    add("trang-web.xlsx", "trang web HTML")
    # A zip bomb: a sheet of 600 MB of spaces in 600 KB.
    def bomb():
        yield sheet_xml([HEADER]).split("</sheetData>")[0].encode()
        block = b" " * (1 << 20)
        for _ in range(600):
            yield block
        yield b"</sheetData></worksheet>"
    package(f"{folder}/bom.xlsx", bomb())
    add("bom.xlsx", "giải nén ra quá lớn")
    # Entity expansion ("billion laughs") through a DTD.
    dtd = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
           '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
    package(f"{folder}/dtd.xlsx", sheet_xml([HEADER, '<row r="2">' + inline("A2", "&d;") + "</row>"], extra=dtd))
    add("dtd.xlsx", "DOCTYPE")
    # An external entity that would read a file of the machine.
    xxe = '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    package(f"{folder}/xxe.xlsx", sheet_xml([HEADER, '<row r="2">' + inline("A2", "&x;") + "</row>"], extra=xxe))
    add("xxe.xlsx", "DOCTYPE")
    # A relationship pointing out of the package, and an entry named out of it.
    package(f"{folder}/ra-ngoai.xlsx", sheet_xml([HEADER]), rels_target="../../../../etc/passwd",
            extra_entries=[("../../evil.xml", "x")])
    add("ra-ngoai.xlsx", "không có trang tính nào")
    # Another Office document renamed.
    with zipfile.ZipFile(f"{folder}/van-ban-word.xlsx", "w") as z:
        z.writestr("word/document.xml", "<w/>")
    add("van-ban-word.xlsx", "văn bản Word")
    # Malformed XML.
    package(f"{folder}/xml-sai.xlsx", sheet_xml([HEADER, "<row r='2'><c r='A2'><v>1</row>"]))
    add("xml-sai.xlsx", "không phải XML hợp lệ")
    # Millions of empty formatted cells, and no table.
    def empty_cells():
        yield sheet_xml([]).split("</sheetData>")[0].encode()
        for r in range(1, 200_001):
            yield ('<row r="%d">' % r + "".join('<c r="%s%d" s="1"/>' % (col, r) for col in "ABCDEFGHIJ") + "</row>").encode()
        yield b"</sheetData></worksheet>"
    package(f"{folder}/o-trong.xlsx", empty_cells())
    add("o-trong.xlsx", "không có trang tính nào chứa bảng số liệu")
    # A sheet of 1,048,576 rows, streamed: blank cells all the way, and on the last row
    # a figure that is not a number.
    def full_sheet():
        yield sheet_xml([HEADER]).split("</sheetData>")[0].encode()
        for r in range(2, 1_048_576):
            yield ('<row r="%d"><c r="A%d" t="inlineStr"><is><t> </t></is></c></row>' % (r, r)).encode()
        yield ('<row r="1048576">' + inline("A1048576", "CĐCS cuối") + inline("B1048576", "12 CĐCS") + "</row>").encode()
        yield b"</sheetData></worksheet>"
    package(f"{folder}/mot-trieu-dong.xlsx", full_sheet())
    add("mot-trieu-dong.xlsx", "mot-trieu-dong.xlsx!Số liệu!B1048576: lỗi")
    # A formula never calculated (written by a program, not saved by Excel).
    package(f"{folder}/cong-thuc.xlsx", sheet_xml([HEADER, '<row r="2">' + inline("A2", "CĐCS A") + '<c r="B2"><f>1+1</f></c></row>']))
    add("cong-thuc.xlsx", "lưu lại một lần")
    # Text that is not a number, and a negative stored number.
    package(f"{folder}/so-sai.xlsx", sheet_xml([HEADER, '<row r="2">' + inline("A2", "CĐCS A") + inline("B2", "1.234 người") + "</row>",
                                                  '<row r="3">' + inline("A3", "CĐCS B") + '<c r="B3"><v>-2</v></c></row>']))
    add("so-sai.xlsx", "Số liệu!B2: lỗi")
    # Rows that are not rows of cells: well-formed XML no spreadsheet program writes.
    package(f"{folder}/dong-long.xlsx", sheet_xml([HEADER, '<row r="2">' + inline("A2", "CĐCS A") + '<c r="B2"><v>3</v></c>'
                                                    '<row r="3">' + inline("A3", "CĐCS B") + "</row></row>"]))
    add("dong-long.xlsx", "dong-long.xlsx!Số liệu!2:2: lỗi: trang tính bị hỏng: một dòng nằm trong dòng khác")
    package(f"{folder}/o-ngoai-dong.xlsx", sheet_xml([HEADER, inline("A2", "CĐCS A")]))
    add("o-ngoai-dong.xlsx", "một ô nằm trong ô khác hoặc ngoài mọi dòng")
    # Twenty sheets of 8 MB each, each compressed a thousand times: every part is under the
    # floor of the ratio, all of them together are not.
    many_parts(f"{folder}/nhieu-trang.xlsx", sheets=20, part_bytes=8 << 20)
    add("nhieu-trang.xlsx", "giải nén ra quá lớn (cả tệp:")
    # One cell with 200,000 attributes in a 0.5 MB file: libxml2 spent 34 s on it (its
    # duplicate check is quadratic); a run of 256 KB without a tag is refused at once.
    attributes = " ".join('a%d="1"' % i for i in range(200_000))
    package(f"{folder}/nhieu-thuoc-tinh.xlsx", sheet_xml([HEADER, '<row r="2">' + inline("A2", "CĐCS A") + '<c r="B2" ' + attributes + '><v>1</v></c></row>']))
    add("nhieu-thuoc-tinh.xlsx", "không có thẻ XML nào")
    # An encoding libxml2 cannot convert the bytes from: its English "encoding error" lines
    # must not reach the clerk (the test checks stderr for them).
    package(f"{folder}/ma-sai.xlsx", sheet_xml([HEADER, '<row r="2">' + inline("A2", "Đơn vị") + "</row>"]).replace('encoding="UTF-8"', 'encoding="UTF-7"', 1))
    add("ma-sai.xlsx", "không phải XML hợp lệ")
    # Two cells in one place: which value is the unit's cannot be told (the second won).
    package(f"{folder}/o-lap.xlsx", sheet_xml([HEADER, '<row r="2">' + inline("A2", "CĐCS A") + '<c r="B2"><v>3</v></c><c r="B2"><v>9</v></c></row>']))
    add("o-lap.xlsx", "o-lap.xlsx!Số liệu!B2: lỗi: trang tính bị hỏng: ô này đã có giá trị")
    # A formula's error where the unit's name goes (it was read as a unit named "#REF!").
    package(f"{folder}/ten-loi.xlsx", sheet_xml([HEADER, '<row r="2"><c r="A2" t="e"><f>B9</f><v>#REF!</v></c><c r="B2"><v>3</v></c></row>']))
    add("ten-loi.xlsx", "ten-loi.xlsx!Số liệu!A2: lỗi: ô tên đơn vị là lỗi của công thức (#REF!)")
    # A logical value (a tick box) where the unit's name goes, or where a figure goes: it was
    # read as a unit named "TRUE", and as the text "FALSE".
    package(f"{folder}/ten-dung-sai.xlsx", sheet_xml([HEADER, '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2"><v>3</v></c></row>']))
    add("ten-dung-sai.xlsx", "ten-dung-sai.xlsx!Số liệu!A2: lỗi: ô tên đơn vị là giá trị đúng/sai (TRUE), không phải một tên")
    package(f"{folder}/so-dung-sai.xlsx", sheet_xml([HEADER, '<row r="2">' + inline("A2", "CĐCS A") + '<c r="B2" t="b"><v>0</v></c></row>']))
    add("so-dung-sai.xlsx", "ô là giá trị đúng/sai (FALSE), không phải số")
    open(f"{folder}/expected.tsv", "w", encoding="utf-8").write("\n".join(expected) + "\n")


def many_parts(path, sheets, part_bytes, same_part=False):
    """A workbook of `sheets` sheets, each a part of a header, one unit and `part_bytes` of
    empty rows; with `same_part`, every sheet names the first sheet's part."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    listed = "".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i in range(sheets))
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                   f'Target="worksheets/sheet{1 if same_part else i + 1}.xml"/>' for i in range(sheets))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{ns}" '
                   f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{listed}</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        block = b"<row><c/></row>" * 4096
        for i in range(1 if same_part else sheets):
            with z.open(f"xl/worksheets/sheet{i + 1}.xml", "w", force_zip64=True) as f:
                f.write(sheet_xml([HEADER, '<row r="2">' + inline("A2", f"CĐCS {i}") + '<c r="B2"><v>3</v></c></row>']).split("</sheetData>")[0].encode())
                for _ in range(part_bytes // len(block)):
                    f.write(block)
                f.write(b"</sheetData></worksheet>")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "fill":
        fill(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif command == "totals":
        totals(sys.argv[2:])
    elif command == "table":
        table(sys.argv[2])
    elif command == "hostile":
        hostile(sys.argv[2])
    elif command == "same-part":
        many_parts(sys.argv[2], sheets=256, part_bytes=15 << 20, same_part=True)
