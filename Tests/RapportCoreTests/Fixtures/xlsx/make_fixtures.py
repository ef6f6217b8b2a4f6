#!/usr/bin/env python3
"""Makes the .xlsx fixtures of Tests/RapportCoreTests/Import/Workbook (see README.md here).

    python3 make_fixtures.py            # the hand-written workbooks and broken files
    python3 make_fixtures.py --soffice  # also world-libreoffice.xlsx (needs LibreOffice)

Standard library only. The hand-written workbooks are what another program than a
spreadsheet writes (inline strings, no shared strings part, formulas with cached values,
rich text, escapes, gaps); world-libreoffice.xlsx is LibreOffice's own output, converted
from world.fods, which this script writes from the CSV fixtures in ../import with typed
cells: dates as dates (every other row as text), amounts as numbers (every other row as
text), `sensitive` as booleans.
"""
import csv
import datetime
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "Benchmarks", "scripts"))
import csv_to_xlsx  # noqa: E402  (the benchmark's writer: shared strings, serial dates)
IMPORT = os.path.join(HERE, "..", "import")
WORLD = ["reps", "accounts", "contacts", "events", "touches", "invoices", "payments", "promises", "snoozes"]
DATE_COLUMNS = {"created_on", "date", "issued_on", "due_on", "paid_on", "promised_on", "until", "birthday"}
STAMP = (2026, 11, 20, 0, 0, 0)  # fixed, so the files are the same bytes each run

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def serial(text, system=1900):
    """The Excel serial number of a YYYY-MM-DD date (after 1900-02-28 in the 1900 system)."""
    date = datetime.date.fromisoformat(text)
    epoch = datetime.date(1904, 1, 1) if system == 1904 else datetime.date(1899, 12, 30)
    return (date - epoch).days


def inline(ref, text, preserve=False):
    space = ' xml:space="preserve"' if preserve else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def number(ref, value, style=None):
    s = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{s}><v>{value}</v></c>'


def row(number_, *cells, extra=""):
    return f'<row r="{number_}"{extra}>{"".join(cells)}</row>'


def header(*names):
    return row(1, *(inline(f"{chr(65 + i)}1", name) for i, name in enumerate(names)))


def sheet_xml(rows, prefix=""):
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<{p}worksheet {ns} xmlns:r="{REL}"><{p}dimension ref="A1"/>'
            f'<{p}sheetData>{"".join(rows)}</{p}sheetData><{p}pageMargins left="0.7" right="0.7"/></{p}worksheet>')


def package(path, sheets, workbook_pr="", shared_strings=None, method=zipfile.ZIP_DEFLATED, skip=(), replace=None):
    """A workbook of `sheets`: (name, xml or None for a chart sheet, state)."""
    replace = replace or {}
    sheet_entries, rels, overrides, parts = [], [], [], {}
    for index, (name, xml, state) in enumerate(sheets, start=1):
        kind = "chartsheet" if xml is None else "worksheet"
        part = f"{kind}s/sheet{index}.xml"
        state_attr = f' state="{state}"' if state else ""
        sheet_entries.append(f'<sheet name={quoteattr(name)} sheetId="{index}"{state_attr} r:id="rId{index}"/>')
        rels.append(f'<Relationship Id="rId{index}" Type="{REL}/{kind}" Target="{part}"/>')
        overrides.append(f'<Override PartName="/xl/{part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml"/>')
        parts[f"xl/{part}"] = xml if xml is not None else f'<chartsheet xmlns="{MAIN}"/>'
    if shared_strings is not None:
        rels.append(f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
        parts["xl/sharedStrings.xml"] = shared_strings
    parts["[Content_Types].xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                    '<Default Extension="xml" ContentType="application/xml"/>'
                                    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                                    + "".join(overrides) + "</Types>")
    parts["_rels/.rels"] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG}">'
                            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>'
    parts["xl/workbook.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
                                f'{workbook_pr}<sheets>{"".join(sheet_entries)}</sheets></workbook>')
    parts.update(replace)
    with zipfile.ZipFile(os.path.join(HERE, path), "w") as book:
        for name, text in parts.items():
            if name in skip:
                continue
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = method
            book.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)


# MARK: - Another program's workbook: inline strings, no shared strings, no styles

def inline_workbook():
    touches = sheet_xml([
        header(" Account ", "contact", "rep", "DATE", "channel", "kind", "note"),
        # A serial date; a note in two rich-text runs (joined).
        row(2, inline("A2", "HD-MACH"), inline("B2", "hd-li"), inline("C2", "wang.lei"), number("D2", serial("2026-09-22")),
            inline("E2", "gift"), inline("F2", "gift"),
            '<c r="G2" t="inlineStr"><is><r><rPr><b/></rPr><t>中秋</t></r><r><t>月饼礼盒</t></r></is></c>'),
        # No contact cell at all; an ISO date cell; a formula's cached text result.
        row(3, inline("A3", "HD-MACH"), inline("C3", "wang.lei"), '<c r="D3" t="d"><v>2026-11-10T00:00:00Z</v></c>',
            inline("E3", "visit"), '<c r="F3" t="str"><f>LOWER("VISIT")</f><v>visit</v></c>'),
        # Row 4 is not there; a date as text; entities, a character reference and _x000D_.
        row(5, inline("A5", "SZ-ELEC"), inline("B5", "sz-chen"), inline("C5", "wang.lei"), inline("D5", "2026-11-05"),
            inline("E5", "chat"), '<c r="F5" t="inlineStr"><is><t>&#x63;heckin</t></is></c>',
            '<c r="G5" t="inlineStr"><is><t>Asked about Q1,_x000D_\nsaid &quot;maybe&quot; &amp; _x005F_x0041_</t></is></c>'),
        # A row of styled empty cells and an empty string: skipped.
        row(6, '<c r="A6" s="1"/>', '<c r="B6" t="inlineStr"><is><t></t></is></c>', '<c r="C6"/>'),
        # Spaces kept in free text; cells without references follow the last one.
        row(7, inline("A7", "BUCKEYE"), '<c t="inlineStr"><is><t>bk-mike</t></is></c>', '<c t="inlineStr"><is><t>sarah.chen</t></is></c>',
            number("D7", serial("2026-11-02") + 0.75), inline("E7", "call"), inline("F7", "checkin"), inline("G7", " Q1 forecast ", preserve=True)),
    ], prefix="x")
    reps = sheet_xml([
        header("handle", "name", "email", "phone", "manager"),
        row(2, inline("A2", "wang.lei"), inline("B2", "王磊"), inline("C2", "wang.lei@example-supplier.cn"),
            number("D2", "13800138000"), inline("E2", "zhao.min")),
        row(3, inline("A3", "sarah.chen"), inline("B3", "Sarah Chen"), inline("C3", "sarah.chen@example-supplier.com"),
            number("D3", "1.3800138001E10"), inline("E3", "zhao.min")),
        # A phonetic guide is not part of the name.
        row(4, inline("A4", "zhao.min"), '<c r="B4" t="inlineStr"><is><t>赵敏</t><rPh sb="0" eb="2"><t>ジャオミン</t></rPh></is></c>'),
        row(5, number("A5", "1001"), inline("B5", "Numbered Rep"), number("D5", "1001.0"), inline("E5", "zhao.min")),
    ])
    invoices = sheet_xml([
        header("number", "account", "issued_on", "due_on", "amount", "currency"),
        row(2, number("A2", "1001"), inline("B2", "HD-MACH"), number("C2", serial("2026-09-01")), number("D2", serial("2026-10-15")),
            number("E2", "1250.5"), inline("F2", "CNY")),
        row(3, inline("A3", "INV-2"), inline("B3", "HD-MACH"), inline("C3", "2026-09-01"), inline("D3", "2026-10-15"),
            number("E3", "1.2345E3"), inline("F3", "CNY")),
        row(4, inline("A4", "JP-9"), inline("B4", "BUCKEYE"), number("C4", serial("2026-10-01")), number("D4", serial("2026-10-31")),
            inline("E4", "7.00"), inline("F4", "JPY")),
        row(5, inline("A5", "US-1"), inline("B5", "BUCKEYE"), number("C5", serial("2026-10-28")), number("D5", serial("2026-11-27")),
            inline("E5", "18450.50"), inline("F5", "USD")),
    ])
    hidden = sheet_xml([header("this sheet is hidden")])
    package("inline-strings.xlsx", [("notes", hidden, "hidden"), ("touches", touches, None), ("reps", reps, None),
                                    ("invoices", invoices, None), ("chart", None, None), ("empty", sheet_xml([]), None)])


# MARK: - The 1904 date system

def workbook_1904():
    snoozes = sheet_xml([
        header("account", "kind", "until"),
        row(2, inline("A2", "OLD-MILL"), inline("B2", "checkin"), number("C2", serial("2026-12-31", 1904))),
        row(3, inline("A3", "HD-MACH"), inline("B3", "collection"), number("C3", serial("2026-11-28", 1904))),
        row(4, inline("A4", "BUCKEYE"), inline("B4", "gift"), number("C4", 0)),
    ])
    package("dates-1904.xlsx", [("snoozes", snoozes, None)], workbook_pr='<workbookPr date1904="1"/>')
    zip64_copy("dates-1904.xlsx", "zip64.xlsx")


def zip64_copy(source, target):
    """The same zip with every size and offset in ZIP64 fields (as writers do past 4 GB)."""
    data = open(os.path.join(HERE, source), "rb").read()
    end = data.rindex(b"PK\x05\x06")
    count, size, start = struct.unpack("<HII", data[end + 10:end + 20])
    layout = "<IHHHHHHIIIHHHHHII"
    directory, position = b"", start
    for _ in range(count):
        fields = list(struct.unpack(layout, data[position:position + 46]))
        name_length, extra_length, comment_length = fields[10], fields[11], fields[12]
        rest = data[position + 46:position + 46 + name_length + extra_length + comment_length]
        wide = struct.pack("<HHQQQ", 1, 24, fields[9], fields[8], fields[16])
        fields[8] = fields[9] = fields[16] = 0xFFFFFFFF
        fields[11] = extra_length + len(wide)
        directory += struct.pack(layout, *fields) + rest[:name_length] + wide + rest[name_length:]
        position += 46 + len(rest)
    body = data[:start]
    record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(directory), len(body))
    locator = struct.pack("<IIQI", 0x07064B50, 0, len(body) + len(directory), 1)
    last = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    open(os.path.join(HERE, target), "wb").write(body + directory + record + locator + last)


# MARK: - Problems in rows

def problems_workbook():
    day = serial("2026-11-20")
    base = lambda r: [inline(f"A{r}", "HD-MACH"), inline(f"C{r}", "wang.lei")]
    touches = sheet_xml([
        header("account", "contact", "rep", "date", "channel", "kind", "note"),
        row(2, *base(2), number("D2", day), inline("E2", "visit"), inline("F2", "visit"), '<c r="G2" t="e"><v>#N/A</v></c>'),
        row(3, *base(3), number("D3", 60), inline("E3", "visit"), inline("F3", "visit")),
        row(4, *base(4), number("D4", -3), inline("E4", "visit"), inline("F4", "visit")),
        row(5, *base(5), number("D5", day), '<c r="E5"><f>A1</f></c>', inline("F5", "visit")),
        row(6, *base(6), number("D6", day), inline("E6", "visit"), inline("F6", "visit"), inline("J6", "stray")),
        row(8, inline("A8", "HD-MAHC"), inline("C8", "wang.lei"), number("D8", day), inline("E8", "visit"), inline("F8", "visit")),
        row(9, *base(9), number("D9", 0), inline("E9", "visit"), inline("F9", "hug")),
        row(10, inline("A10", "HD-MACH"), '<c r="C10" t="e"><v>#REF!</v></c>', number("D10", day), inline("E10", "visit"), inline("F10", "visit")),
        row(11, inline("K11", "far right")),
        row(12, *base(12), number("D12", 2958466), inline("E12", "visit"), inline("F12", "visit")),
        row(13, *base(13), '<c r="D13" t="b"><v>1</v></c>', inline("E13", "visit"), inline("F13", "visit")),
    ])
    accounts = sheet_xml([
        header("key", "name", "tier", "owner", "country", "created_on"),
        row(2, inline("A2", "NEW-1"), inline("B2", "新客户"), inline("C2", "A"), inline("D2", "wang.lei"), inline("E2", "CN"), number("F2", 45000)),
        row(3, inline("A3", "NEW-1"), inline("B3", "重复"), inline("C3", "B"), inline("D3", "wang.lei"), inline("E3", "CN"), number("F3", 45001)),
    ])
    package("problems.xlsx", [("touches", touches, None), ("accounts", accounts, None)])


# MARK: - Files that are not workbooks, or broken ones

def broken_files():
    good = sheet_xml([header("handle", "name"), row(2, inline("A2", "new.rep"), inline("B2", "New Rep"))])
    sheet = "xl/worksheets/sheet1.xml"
    # Stored (not deflated), then one byte of the sheet changed: the CRC-32 does not match.
    package("broken-crc.xlsx", [("reps", good, None)], method=zipfile.ZIP_STORED)
    data = bytearray(open(os.path.join(HERE, "broken-crc.xlsx"), "rb").read())
    at = data.index(b"New Rep")
    data[at] = ord("M")
    open(os.path.join(HERE, "broken-crc.xlsx"), "wb").write(data)
    # Deflated, then bytes in the middle of the sheet's compressed data zeroed.
    package("broken-deflate.xlsx", [("reps", good, None)])
    data = bytearray(open(os.path.join(HERE, "broken-deflate.xlsx"), "rb").read())
    with zipfile.ZipFile(os.path.join(HERE, "broken-deflate.xlsx")) as book:
        info = book.getinfo(sheet)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 40):
        data[i] = 0xFF
    open(os.path.join(HERE, "broken-deflate.xlsx"), "wb").write(data)
    # Cut in half: no directory.
    whole = open(os.path.join(HERE, "broken-deflate.xlsx"), "rb").read()
    open(os.path.join(HERE, "truncated.xlsx"), "wb").write(whole[: len(whole) // 2])
    # A deflate stream that never ends: a stored block announcing 65 535 bytes, 11 present,
    # in the first part read. (ZIPFoundation 0.9.20's reader spins forever on this file.)
    name = b"_rels/.rels"
    body = bytes([0x00]) + struct.pack("<HH", 0xFFFF, 0x0000) + b"<worksheet>"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(body), 70000, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, 0, len(body), 70000, len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(body), 0)
    open(os.path.join(HERE, "endless-deflate.xlsx"), "wb").write(local + body + central + end)
    # A zip of something else; an OpenDocument spreadsheet; text with a workbook's name.
    with zipfile.ZipFile(os.path.join(HERE, "not-a-workbook.xlsx"), "w") as book:
        book.writestr(zipfile.ZipInfo("hello.txt", date_time=STAMP), "hello")
    with zipfile.ZipFile(os.path.join(HERE, "spreadsheet.ods"), "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype", date_time=STAMP), "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr(zipfile.ZipInfo("content.xml", date_time=STAMP), "<office:document-content/>")
    open(os.path.join(HERE, "text.xlsx"), "w").write("handle,name\nnew.rep,New Rep\n")
    open(os.path.join(HERE, "legacy.xls"), "wb").write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
    # The workbook names a sheet part the zip does not hold; a sheet whose tags do not nest.
    package("missing-sheet.xlsx", [("reps", good, None)], skip={sheet})
    package("malformed-xml.xlsx", [("reps", good.replace("</row></sheetData>", "</rows></sheetData>"), None)])


# MARK: - Many rows: a sheet far larger than the reader's buffer

def many_rows():
    """3 000 touches on the base world, as CSV and as a workbook of the benchmark's kind."""
    people = [("HD-MACH", "hd-li", "wang.lei"), ("HD-MACH", "", "wang.lei"), ("SZ-ELEC", "sz-chen", "wang.lei"),
              ("BUCKEYE", "bk-mike", "sarah.chen"), ("OLD-MILL", "", "sarah.chen")]
    channels = ["call", "visit", "chat", "sms", "email", "gift", "other"]
    kinds = ["checkin", "greeting", "gift", "care", "collection", "visit", "other"]
    notes = ["", "中秋月饼礼盒", 'Asked about "the usual", will revert', "line one\nline two", " padded ", "R&D <team>"]
    start = datetime.date(2024, 1, 1)
    path = os.path.join(HERE, "touches-3000.csv")
    with open(path, "w", newline="", encoding="utf-8") as file:
        out = csv.writer(file, lineterminator="\n")
        out.writerow(["account", "contact", "rep", "date", "channel", "kind", "note"])
        for i in range(3000):
            account, contact, rep = people[i % len(people)]
            date = start + datetime.timedelta(days=(i * 7) % 1000)
            out.writerow([account, contact, rep, date.isoformat(), channels[i % 7], kinds[(i // 7) % 7], notes[i % len(notes)] + (str(i) if i % 3 else "")])
    csv_to_xlsx.main(path, os.path.join(HERE, "touches-3000.xlsx"), "touches")


# MARK: - LibreOffice's own: world.fods converted

def fods_cell(column, value, index):
    """A typed cell: dates (on even rows) and amounts (on odd rows) as values, the rest text."""
    if value == "":
        return "<table:table-cell/>"
    if column in DATE_COLUMNS and len(value) == 10 and value[4] == "-" and index % 2 == 0:
        return (f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if column == "amount" and index % 2 == 1:
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    if column == "sensitive" and value in ("yes", "no"):
        flag = "true" if value == "yes" else "false"
        return f'<table:table-cell office:value-type="boolean" office:boolean-value="{flag}"><text:p>{flag.upper()}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def world_fods():
    tables = []
    for kind in WORLD:
        with open(os.path.join(IMPORT, f"{kind}.csv"), newline="", encoding="utf-8") as file:
            records = list(csv.reader(file))
        columns = records[0]
        rows = []
        for index, record in enumerate(records):
            cells = "".join(fods_cell(columns[i] if index else "", value, index) for i, value in enumerate(record))
            rows.append(f"<table:table-row>{cells}</table:table-row>")
        tables.append(f'<table:table table:name="{kind}">{"".join(rows)}</table:table>')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style><style:style style:name="date" style:family="table-cell" style:data-style-name="iso"/></office:automatic-styles>
<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body></office:document>
"""


def libreoffice_world():
    fods = os.path.join(HERE, "world.fods")
    with open(fods, "w", encoding="utf-8") as file:
        file.write(world_fods())
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", out, fods], check=True,
                       stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(out, "world.xlsx"), os.path.join(HERE, "world-libreoffice.xlsx"))


if __name__ == "__main__":
    inline_workbook()
    workbook_1904()
    problems_workbook()
    broken_files()
    many_rows()
    if "--soffice" in sys.argv:
        libreoffice_world()
