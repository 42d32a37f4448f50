#!/usr/bin/env python3
"""Builds the Word fixtures of the catalogue tests from the bundled text catalogue.

    python3 Tests/Fixtures/office/build_docx.py            # writes the committed fixtures here
    python3 Tests/Fixtures/office/build_docx.py --repeat 16 --style word OUT.docx   # a big one (bench)

Two styles of the same catalogue (examples/catalogue.txt), each giving exactly what the text gives:
- plain: one paragraph per line, markers typed ("1. JABATAN", " - a. ..."), the table as a Word table
  with its grid, fractions drawn by hand (underlined numerator, line break, denominator);
- word: what Word really stores: text split into many runs, soft hyphens and non-breaking spaces,
  automatically numbered headings and list items (w:numPr, the "a." not in the text), objective
  cells merged down their indicators (w:vMerge) and numbered, a table without w:tblGrid, equations
  as OMML fractions (m:f) followed by "x 100%", the first block inside a content control (w:sdt),
  and the signature in a borderless table;
- boxes: the word style with its numbering through paragraph styles (w:pStyle whose style, or the
  style it is based on, has w:numPr; one style based on a numbered one turns it off with numId 0),
  and the first position's tasks and functions in a text box (w:txbxContent) stored twice, as Word
  does: the drawing in mc:Choice and VML in mc:Fallback.
And small bad documents: not a zip, a zip that is not Word, a workbook, an equation without a
denominator. python-docx writes the documents; raw XML where it cannot (OMML, vMerge, numPr, sdt).
"""
import argparse
import io
import os
import re
import sys
import zipfile

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
ITEM = re.compile(r"^\s*(?:-\s*)?[A-Za-z][.)][ \t]+")
FIELD = re.compile(r"^\s*(?:-\s*)?\d+\s*\.\s*(JABATAN|TUGAS|FUNGSI)\b\s*", re.I)
FRAC = re.compile(r"^\$\\frac\{\\text\{(.*?)\}\}\{\\text\{(.*?)\}\}\s*\\times 100\\%\$$")
UNDERLINE = re.compile(r"^(.*?)<u>(.*?)</u>\s*x 100%\s*(.*)$")
NUM_DECIMAL, NUM_LETTER = 1, 2


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read_catalogue(path):
    """The text catalogue as blocks: ('p', line) and ('table', [rows of 4 cells])."""
    blocks, table = [], None
    for line in open(path, encoding="utf-8").read().split("\n"):
        cells = line.split("\t")
        if len(cells) >= 3 and cells[1].strip().upper().startswith("INDIKATOR"):
            table = [cells]
            blocks.append(("table", table))
        elif table is not None and "\t" in line:
            table.append(cells)
        else:
            table = None
            blocks.append(("p", line))
    return blocks


class Builder:
    def __init__(self, style):
        self.style = style
        self.doc = docx.Document()
        self.body = self.doc.element.body
        self.runs = 0
        # boxes: the word style with its lists numbered through paragraph styles and the first
        # position's tasks and functions in a text box.
        self.wordlike = style in ("word", "boxes")
        self.box = None
        self.boxed = False
        if self.wordlike:
            self.add_numbering()
        if style == "boxes":
            self.add_numbered_styles()

    def add_numbering(self):
        numbering = self.doc.part.numbering_part.element
        for num_id, fmt in ((NUM_DECIMAL, "decimal"), (NUM_LETTER, "lowerLetter")):
            numbering.append(parse_xml(
                f'<w:abstractNum {W} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'))
        for num_id in (NUM_DECIMAL, NUM_LETTER):
            numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))

    def add_numbered_styles(self):
        """List styles: DaftarHuruf numbers (w:numPr in the style), JudulJabatan through the style
        it is based on, TanpaNomor is based on a numbered style but turns numbering off (numId 0)."""
        styles = self.doc.styles.element
        for xml in (
            '<w:style w:type="paragraph" w:styleId="DaftarBernomor"><w:name w:val="Daftar Bernomor"/>'
            f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{NUM_DECIMAL}"/></w:numPr></w:pPr></w:style>',
            '<w:style w:type="paragraph" w:styleId="JudulJabatan"><w:name w:val="Judul Jabatan"/><w:basedOn w:val="DaftarBernomor"/></w:style>',
            '<w:style w:type="paragraph" w:styleId="DaftarHuruf"><w:name w:val="Daftar Huruf"/>'
            f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{NUM_LETTER}"/></w:numPr></w:pPr></w:style>',
            '<w:style w:type="paragraph" w:styleId="TanpaNomor"><w:name w:val="Tanpa Nomor"/><w:basedOn w:val="DaftarHuruf"/>'
            '<w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>',
        ):
            styles.append(parse_xml(xml.replace("<w:style ", f"<w:style {W} ", 1)))

    # Runs: Word splits text anywhere; soft hyphens and non-breaking spaces are what it stores.
    def runs_xml(self, text, underline=False):
        if self.style != "word":
            pieces = [text]
        else:
            pieces = [text[i:i + 7] for i in range(0, len(text), 7)] or [""]
        out = []
        for piece in pieces:
            self.runs += 1
            if self.wordlike and self.runs % 5 == 0 and len(piece) > 3 and piece[1].isalpha() and piece[2].isalpha():
                piece = piece[:2] + "\u00ad" + piece[2:]
            if self.wordlike and self.runs % 3 == 0:
                piece = piece.replace(" ", "\u00a0", 1)
            rpr = '<w:rPr><w:u w:val="single"/></w:rPr>' if underline else ""
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{esc(piece)}</w:t></w:r>')
        return "".join(out)

    def paragraph_xml(self, text, num=None, extra=""):
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
        if self.style == "boxes":
            style = {NUM_DECIMAL: "JudulJabatan", NUM_LETTER: "DaftarHuruf"}.get(num, "TanpaNomor" if text else None)
            ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p {W} {M}>{ppr}{self.runs_xml(text) if text else ""}{extra}</w:p>'

    def formula_xml(self, text):
        """The formula cell: OMML in the word style, a hand-drawn fraction in both for `<u>`."""
        frac = FRAC.match(text)
        if frac and self.wordlike:
            num, den = (s.replace("\\%", "%") for s in frac.groups())
            half = len(num) // 2
            math = (f'<m:oMathPara><m:oMath><m:f><m:num><m:r><m:t>{esc(num[:half])}</m:t></m:r><m:r><m:t>{esc(num[half:])}</m:t></m:r></m:num>'
                    f'<m:den><m:r><m:t>{esc(den)}</m:t></m:r></m:den></m:f><m:r><m:t>× 100%</m:t></m:r></m:oMath></m:oMathPara>')
            return f'<w:p {W} {M}>{math}</w:p>'
        if frac:
            num, den = (s.replace("\\%", "%") for s in frac.groups())
            text = f"<u>{num}</u> x 100% {den}"
        under = UNDERLINE.match(text)
        if under:
            before, num, den = under.groups()
            runs = self.runs_xml(before) + self.runs_xml(num, underline=True) + self.runs_xml(" x 100%")
            return f'<w:p {W} {M}>{runs}<w:r><w:br/></w:r>{self.runs_xml(den)}</w:p>'
        return self.paragraph_xml(text)

    def table(self, rows):
        grid = "" if self.wordlike else "<w:tblGrid>" + '<w:gridCol w:w="2400"/>' * 4 + "</w:tblGrid>"
        borders = "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
        xml = [f'<w:tbl {W} {M}><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>{grid}']
        for r, row in enumerate(rows):
            row = (row + [""] * 4)[:4] if len(row) <= 4 else row
            xml.append("<w:tr>")
            for c, cell in enumerate(row):
                cell = cell.strip()
                tcpr, content = "", ""
                if self.wordlike and c == 0 and r > 0:
                    following_empty = r + 1 < len(rows) and not rows[r + 1][0].strip()
                    if not cell:
                        tcpr = '<w:tcPr><w:vMerge/></w:tcPr>'
                    elif following_empty:
                        tcpr = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
                    numbered = re.match(r"^\d+\.\s+", cell)
                    if numbered:
                        content = self.paragraph_xml(cell[numbered.end():], num=NUM_DECIMAL)
                if not content:
                    content = self.formula_xml(cell) if c == 2 and r > 0 else self.paragraph_xml(cell)
                xml.append(f"<w:tc>{tcpr}{content}</w:tc>")
            xml.append("</w:tr>")
        xml.append("</w:tbl>")
        self.body.append(parse_xml("".join(xml)))

    def signature_table(self, lines):
        right = "".join(self.paragraph_xml(line.strip()) for line in lines)
        none = "".join(f'<w:{b} w:val="nil"/>' for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
        self.body.append(parse_xml(
            f'<w:tbl {W} {M}><w:tblPr><w:tblBorders>{none}</w:tblBorders></w:tblPr>'
            f'<w:tr><w:tc><w:p/></w:tc><w:tc>{right}</w:tc></w:tr></w:tbl>'))

    def paragraph(self, line, target=None):
        text = line.strip()
        num = None
        if self.wordlike:
            field = FIELD.match(line)
            item = ITEM.match(line)
            if field:
                text, num = line[field.start(1):].strip(), NUM_DECIMAL
                if field.group(1).upper() in ("TUGAS", "FUNGSI"):
                    # `2. TUGAS : a. first item`: the item goes to its own numbered paragraph.
                    head, _, rest = text.partition(":")
                    item_rest = ITEM.match(rest)
                    if item_rest:
                        self.append(self.paragraph_xml(head.strip() + " :", num=num), target)
                        text, num = rest[item_rest.end():].strip(), NUM_LETTER
            elif item:
                text, num = line[item.end():].strip(), NUM_LETTER
        self.append(self.paragraph_xml(text, num=num), target)

    def append(self, xml, target):
        if self.box is not None:
            target = self.box
        (target if target is not None else self.body).append(parse_xml(xml))

    def text_box(self):
        """The paragraphs collected in self.box, in a text box anchored in an empty paragraph, stored
        as Word stores one: a drawing (mc:Choice) and the same text again as VML (mc:Fallback)."""
        box = etree.tostring(self.box, encoding="unicode")
        self.box = None
        ns = (f'{W} {M} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:v="urn:schemas-microsoft-com:vml"')
        self.body.append(parse_xml(
            f'<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline>'
            '<wp:extent cx="5400000" cy="3600000"/><wp:docPr id="1" name="Kotak Teks 1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape style="width:425pt;height:283pt"><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r></w:p>'))

    def build(self, blocks, repeat=1):
        sectpr = self.body[-1]
        self.body.remove(sectpr)
        signature_at = max(i for i, b in enumerate(blocks) if b[0] == "table") + 1
        body_blocks, signature = blocks[:signature_at], [b[1] for b in blocks[signature_at:]]
        for copy in range(repeat):
            sdt = None
            if self.wordlike and copy == 0:
                # The first block inside a content control, as templates with fields store it.
                sdt = parse_xml(f'<w:sdt {W}><w:sdtPr><w:alias w:val="Blok"/></w:sdtPr><w:sdtContent/></w:sdt>')
                self.body.append(sdt)
                content = sdt[1]
            for i, (kind, value) in enumerate(body_blocks):
                if sdt is not None and kind == "p" and value.strip().upper() == "INDIKATOR KINERJA INDIVIDU" and i > 5:
                    sdt = None
                target = content if sdt is not None else None
                if self.style == "boxes" and copy == 0 and kind == "p" and value.strip().upper().startswith("2. TUGAS") and self.box is None and not self.boxed:
                    self.box = parse_xml(f'<w:txbxContent {W}/>')
                    self.boxed = True
                if kind == "table" and self.box is not None:
                    self.text_box()
                if kind == "table":
                    self.table(value)
                else:
                    self.paragraph(value, target)
        if self.wordlike:
            self.signature_table(signature)
        else:
            for line in signature:
                self.append(self.paragraph_xml(line.strip()), None)
        self.body.append(sectpr)

    def save(self, path):
        self.doc.save(path)


def bad_documents(out):
    open(os.path.join(out, "not-a-zip.docx"), "wb").write(open(os.path.join(ROOT, "examples", "catalogue.txt"), "rb").read()[:300])
    with zipfile.ZipFile(os.path.join(out, "zip-not-word.docx"), "w") as z:
        z.writestr("catatan.txt", "bukan dokumen Word\n")
    # A zip with [Content_Types].xml but no word/document.xml: an Excel workbook named .docx.
    with zipfile.ZipFile(os.path.join(out, "workbook.docx"), "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    b = Builder("word")
    lines = ["INDIKATOR KINERJA INDIVIDU", "1. JABATAN : KEPALA SUB BAGIAN UMUM", "2. TUGAS :", " - a. Melaksanakan urusan umum.", ""]
    b.body.remove(sectpr := b.body[-1])
    for line in lines:
        b.paragraph(line)
    b.body.append(parse_xml(
        f'<w:tbl {W} {M}><w:tblPr/><w:tr>' + "".join(f'<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>' for h in
        ("SASARAN STRATEGIS", "INDIKATOR KINERJA", "PENJELASAN/FORMULASI PENGHITUNGAN", "SUMBER DATA")) + '</w:tr><w:tr>'
        '<w:tc><w:p><w:r><w:t>Meningkatnya pelayanan umum</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>Persentase surat yang selesai tepat waktu</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><m:oMathPara><m:oMath><m:f><m:num><m:r><m:t>Jumlah surat yang selesai tepat waktu</m:t></m:r></m:num>'
        '</m:f><m:r><m:t>× 100%</m:t></m:r></m:oMath></m:oMathPara></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>Agenda surat</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'))
    for line in ["KEPALA DINAS", "KOPERASI DAN USAHA MIKRO", "KABUPATEN MALANG", "Dra. MADE DEWI ANGGRAENI, M.Si", "NIP. 19590531 198603 2 004"]:
        b.paragraph(line)
    b.body.append(sectpr)
    b.save(os.path.join(out, "equation-without-denominator.docx"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="repeat the catalogue's blocks (for a big document)")
    parser.add_argument("--style", choices=["plain", "word", "boxes"], default="word")
    parser.add_argument("output", nargs="?", help="one document to write; without it, every fixture here")
    args = parser.parse_args()
    blocks = read_catalogue(os.path.join(ROOT, "examples", "catalogue.txt"))
    if args.output:
        b = Builder(args.style)
        b.build(blocks, repeat=args.repeat)
        b.save(args.output)
        return
    for style in ("plain", "word", "boxes"):
        b = Builder(style)
        b.build(blocks)
        b.save(os.path.join(HERE, f"catalogue-{style}.docx"))
    bad_documents(HERE)


if __name__ == "__main__":
    main()
