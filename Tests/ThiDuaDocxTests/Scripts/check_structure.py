#!/usr/bin/env python3
"""Structural check of .docx packages, written from ECMA-376 (Office Open XML,
Transitional): the rules Microsoft Word enforces when it refuses a file as
"unreadable content", which LibreOffice forgives.

    check_structure.py FILE.docx...

Checked: every part well-formed, starting with its XML declaration; content types for
every part and every override present; relationships with unique ids and existing
targets, every r:id of the document defined; the children of w:pPr, w:rPr, w:tblPr,
w:tcPr, w:sectPr, w:pBdr, w:tblBorders, w:tblCellMar, w:style, w:docDefaults and
w:settings in the order of the schema's sequences; w:tbl as tblPr, tblGrid, rows, with
as many w:gridCol as cells in a row; every w:tc ending in a w:p; w:pPr, w:rPr, w:tcPr,
w:trPr first in their parents; no line break, tab or carriage return inside w:t and
xml:space="preserve" where a w:t has spaces at an edge or in a row; w:sectPr the last
child of w:body and of a w:pPr. Prints one line per fault; exit status 1 if any.
"""
import posixpath
import sys
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Sequences of CT_* types (element names in the w: namespace, schema order).
SEQUENCES = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "rPr": ["ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps",
            "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
            "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
            "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
            "rPrChange"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
              "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
              "tblCaption", "tblDescription", "tblPrChange"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
             "tcPrChange"],
    "sectPr": ["headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
               "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
               "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"],
    "pBdr": ["top", "left", "bottom", "right", "between", "bar"],
    "tblBorders": ["top", "left|start", "bottom", "right|end", "insideH", "insideV"],
    "tblCellMar": ["top", "left|start", "bottom", "right|end"],
    "style": ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
              "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
              "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"],
    "docDefaults": ["rPrDefault", "pPrDefault"],
    "styles": ["docDefaults", "latentStyles", "style"],
    "tbl": ["bookmarkStart|bookmarkEnd", "tblPr", "tblGrid", "tr"],
    "tr": ["tblPrEx", "trPr", "tc"],
    "tc": ["tcPr", "p|tbl"],
    "settings": ["writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                 "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                 "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
                 "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                 "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
                 "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
                 "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
                 "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
                 "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
                 "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength",
                 "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting",
                 "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
                 "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
                 "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
                 "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData",
                 "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
                 "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
                 "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
                 "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
                 "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
                 "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                 "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
                 "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                 "decimalSymbol", "listSeparator"],
}
# Parents whose properties element must come first.
FIRST = {"p": "pPr", "r": "rPr", "tc": "tcPr", "tr": "trPr"}


def local(element):
    return etree.QName(element).localname if isinstance(element.tag, str) else None


def check_sequence(file, part, element, order, faults):
    """The children of `element` appear in the order `order` allows, each known."""
    position = {}
    for index, names in enumerate(order):
        for name in names.split("|"):
            position[name] = index
    last = -1
    for child in element:
        name = local(child)
        if name is None or etree.QName(child).namespace != W:
            continue
        if name not in position:
            faults.append(f"{file}:{part}: <w:{name}> không được nằm trong <w:{local(element)}>")
            continue
        if position[name] < last:
            faults.append(f"{file}:{part}: <w:{name}> sai thứ tự trong <w:{local(element)}> (dòng {child.sourceline})")
        # A choice group (left|start) may repeat in place; others must move on.
        last = position[name]


def check_word_part(file, part, root, faults):
    for element in root.iter():
        name = local(element)
        if name is None or etree.QName(element).namespace != W:
            continue
        parent = element.getparent()
        parent_name = local(parent) if parent is not None else None
        if name in SEQUENCES:
            check_sequence(file, part, element, SEQUENCES[name], faults)
        if name in FIRST:
            children = [c for c in element if local(c) is not None]
            for index, child in enumerate(children):
                if local(child) == FIRST[name] and index != 0:
                    faults.append(f"{file}:{part}: <w:{FIRST[name]}> phải đứng đầu <w:{name}> (dòng {child.sourceline})")
        if name == "tc":
            children = [c for c in element if local(c) is not None]
            if not children or local(children[-1]) != "p":
                faults.append(f"{file}:{part}: <w:tc> phải kết thúc bằng <w:p> (dòng {element.sourceline})")
        if name == "tbl":
            grid = element.find(f"{{{W}}}tblGrid")
            if grid is None:
                faults.append(f"{file}:{part}: <w:tbl> thiếu <w:tblGrid> (dòng {element.sourceline})")
                continue
            columns = len(grid.findall(f"{{{W}}}gridCol"))
            for row in element.findall(f"{{{W}}}tr"):
                cells = 0
                for cell in row.findall(f"{{{W}}}tc"):
                    span = cell.find(f"{{{W}}}tcPr/{{{W}}}gridSpan")
                    cells += int(span.get(f"{{{W}}}val")) if span is not None else 1
                if cells != columns:
                    faults.append(f"{file}:{part}: dòng có {cells} ô nhưng tblGrid có {columns} cột (dòng {row.sourceline})")
        if name == "t":
            text = element.text or ""
            if any(c in text for c in "\n\r\t"):
                faults.append(f"{file}:{part}: <w:t> chứa xuống dòng/tab thô (dùng <w:br/>, <w:tab/>) (dòng {element.sourceline})")
            if (text.startswith(" ") or text.endswith(" ") or "  " in text) and element.get(XML_SPACE) != "preserve":
                faults.append(f"{file}:{part}: <w:t> có khoảng trắng ở đầu/cuối mà thiếu xml:space=\"preserve\" (dòng {element.sourceline})")
        if name == "sectPr" and parent_name == "pPr":
            if parent[-1] is not element:
                faults.append(f"{file}:{part}: <w:sectPr> phải là con cuối của <w:pPr>")
        if name == "body":
            children = [c for c in element if local(c) is not None]
            sect = [c for c in children if local(c) == "sectPr"]
            if len(sect) != 1 or children[-1] is not sect[0]:
                faults.append(f"{file}:{part}: <w:body> phải kết thúc bằng đúng một <w:sectPr>")


def check_package(file, faults):
    with zipfile.ZipFile(file) as archive:
        names = archive.namelist()
        if len(set(names)) != len(names):
            faults.append(f"{file}: tên phần trùng nhau trong tệp nén")
        roots = {}
        for name in names:
            if not (name.endswith(".xml") or name.endswith(".rels")):
                continue
            data = archive.read(name)
            if not data.startswith(b"<?xml"):
                faults.append(f"{file}:{name}: phải bắt đầu bằng khai báo <?xml …?>")
            try:
                roots[name] = etree.fromstring(data)
            except etree.XMLSyntaxError as error:
                faults.append(f"{file}:{name}: XML hỏng: {error}")
        if faults:
            return
        types = roots.get("[Content_Types].xml")
        if types is None:
            faults.append(f"{file}: thiếu [Content_Types].xml")
            return
        defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.findall(f"{{{CT}}}Default")}
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall(f"{{{CT}}}Override")}
        for name in names:
            if name == "[Content_Types].xml" or name.endswith("/"):
                continue
            extension = name.rsplit(".", 1)[-1].lower()
            if "/" + name not in overrides and extension not in defaults:
                faults.append(f"{file}: phần {name} không có kiểu nội dung (content type)")
        for part_name in overrides:
            if part_name.lstrip("/") not in names:
                faults.append(f"{file}: [Content_Types].xml khai báo {part_name} nhưng không có phần đó")
        main = None
        ids_by_part = {}
        for name in names:
            if not name.endswith(".rels"):
                continue
            folder = posixpath.dirname(posixpath.dirname(name))
            source = posixpath.basename(name)[:-len(".rels")]
            ids = set()
            for rel in roots[name].findall(f"{{{PKG_REL}}}Relationship"):
                rel_id = rel.get("Id")
                if rel_id in ids:
                    faults.append(f"{file}:{name}: Id {rel_id} trùng")
                ids.add(rel_id)
                if rel.get("TargetMode") == "External":
                    continue
                target = rel.get("Target")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                if path not in names:
                    faults.append(f"{file}:{name}: đích {target} của {rel_id} không có trong tệp")
                if rel.get("Type", "").endswith("/officeDocument"):
                    main = path
            ids_by_part[posixpath.join(folder, source) if source else ""] = ids
        if main is None:
            faults.append(f"{file}: _rels/.rels không trỏ tới phần văn bản chính")
            return
        for name, root in roots.items():
            if etree.QName(root).namespace != W:
                continue
            check_word_part(file, name, root, faults)
            defined = ids_by_part.get(name, set())
            for element in root.iter():
                if not isinstance(element.tag, str):
                    continue
                for attribute, value in element.attrib.items():
                    if etree.QName(attribute).namespace == R and value not in defined:
                        faults.append(f"{file}:{name}: r:{etree.QName(attribute).localname}=\"{value}\" không có trong quan hệ của phần")


def main():
    faults = []
    for file in sys.argv[1:]:
        check_package(file, faults)
    for fault in faults:
        print(fault)
    sys.exit(1 if faults else 0)


if __name__ == "__main__":
    main()
