#!/usr/bin/env python3
"""Writes an import CSV file as a one-sheet .xlsx workbook, the way a spreadsheet saves one:
every text in the shared strings table, dates in date columns as Excel serial numbers with
a date format, amounts as numbers, empty cells left out. The sheet is streamed into the zip
(deflated), so a file of millions of rows is written in little memory.

    python3 csv_to_xlsx.py touches.csv touches.xlsx

Used by `rapport-bench xlsx-import` (Python's standard library only).
"""
import csv
import datetime
import sys
import zipfile
from xml.sax.saxutils import escape

DATE_COLUMNS = {"created_on", "date", "issued_on", "due_on", "paid_on", "promised_on", "until", "birthday"}
NUMBER_COLUMNS = {"amount"}
EPOCH = datetime.date(1899, 12, 30)  # serial 61 = 1900-03-01 onward

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"""


def entry(name):
    """A deflated entry dated as Excel dates its own (1980-01-01): the same rows make the same file."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def column_letters(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def main(source, target, sheet_name):
    strings = {}
    with open(source, newline="", encoding="utf-8-sig") as file, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as book:
        rows = csv.reader(file)
        header = next(rows)
        letters = [column_letters(i) for i in range(len(header))]
        dates = [name.strip().lower() in DATE_COLUMNS for name in header]
        numbers = [name.strip().lower() in NUMBER_COLUMNS for name in header]

        def text_cell(ref, value):
            index = strings.setdefault(value, len(strings))
            return f'<c r="{ref}" t="s"><v>{index}</v></c>'

        with book.open(entry("xl/worksheets/sheet1.xml"), "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            row_number = 1
            cells = [text_cell(f"{letters[i]}1", name) for i, name in enumerate(header)]
            sheet.write(f'<row r="1">{"".join(cells)}</row>'.encode())
            chunk = []
            for record in rows:
                row_number += 1
                cells = []
                for i, value in enumerate(record):
                    if value == "":
                        continue
                    ref = f"{letters[i]}{row_number}"
                    if dates[i] and len(value) == 10 and value[4] == "-":
                        serial = (datetime.date.fromisoformat(value) - EPOCH).days
                        cells.append(f'<c r="{ref}" s="1"><v>{serial}</v></c>')
                    elif numbers[i]:
                        cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                    else:
                        cells.append(text_cell(ref, value))
                chunk.append(f'<row r="{row_number}">{"".join(cells)}</row>')
                if len(chunk) == 10_000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write("".join(chunk).encode())
            sheet.write(b"</sheetData></worksheet>")

        shared = [f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="{len(strings)}">']
        for value in strings:
            space = ' xml:space="preserve"' if value != value.strip() else ""
            shared.append(f"<si><t{space}>{escape(value)}</t></si>")
        shared.append("</sst>")
        book.writestr(entry("xl/sharedStrings.xml"), '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + "".join(shared))
        book.writestr(entry("[Content_Types].xml"), CONTENT_TYPES)
        book.writestr(entry("_rels/.rels"), PACKAGE_RELS)
        book.writestr(entry("xl/_rels/workbook.xml.rels"), WORKBOOK_RELS)
        book.writestr(entry("xl/styles.xml"), STYLES)
        book.writestr(entry("xl/workbook.xml"), f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>""")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: csv_to_xlsx.py FILE.csv FILE.xlsx [SHEET]")
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else "Sheet1")
