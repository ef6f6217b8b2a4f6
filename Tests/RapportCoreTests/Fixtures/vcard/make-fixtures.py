#!/usr/bin/env python3
"""Writes the vCard fixtures beside this script, byte for byte.

The cards are written out by hand below; the script only does what an editor gets wrong:
CR LF line ends, quoted-printable bytes of UTF-8 and GB2312 text (encoded with Python's
codecs, as a phone's exporter does), soft line breaks and base64 photo blocks.
Run: python3 make-fixtures.py
"""
import base64
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def qp(text, charset):
    """Every byte that is not printable ASCII (and '=' itself) as =XX, like Android does."""
    out = []
    for byte in text.encode(charset):
        if 0x21 <= byte <= 0x7E and byte != 0x3D:
            out.append(chr(byte))
        else:
            out.append("=%02X" % byte)
    return "".join(out)


def qp_property(head, text, charset, width=76):
    """HEAD:value with soft line breaks ('=' at a line's end) so no line passes `width`,
    never inside an =XX triplet."""
    line = head + ":" + qp(text, charset)
    lines = []
    while len(line) > width:
        cut = width - 1
        while line[cut - 1] == "=" or line[cut - 2] == "=":
            cut -= 1
        lines.append(line[:cut] + "=")
        line = line[cut:]
    lines.append(line)
    return lines


def photo_bytes():
    """A small JPEG-looking blob (start and end markers around fixed bytes)."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00" + bytes(range(256)) * 3 + b"\xff\xd9"


def write(name, lines, newline):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write((newline.join(lines) + newline).encode("utf-8"))


def phone_21():
    """A Chinese Android phone's "Export to .vcf": vCard 2.1, CR LF, names and titles as
    quoted-printable UTF-8 or (older phones) GB2312, photos as indented base64."""
    photo = base64.b64encode(photo_bytes()).decode()
    indented = ["PHOTO;ENCODING=BASE64;JPEG:" + photo[:50]] + ["  " + photo[i:i + 76] for i in range(50, len(photo), 76)] + [""]
    unindented = ["PHOTO;ENCODING=BASE64;TYPE=JPEG:"] + [photo[i:i + 76] for i in range(0, len(photo), 76)] + [""]
    lines = ["BEGIN:VCARD", "VERSION:2.1"]
    lines += qp_property("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE", "李;建国;;;", "utf-8")
    lines += qp_property("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE", "李建国", "utf-8")
    lines += ["TEL;WORK:021-6000 1000", "TEL;CELL;PREF:+86 139 1000 2000", "EMAIL;WORK:li.jianguo@hd-mach.example.cn"]
    lines += qp_property("ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE", "华东精密机械有限公司", "utf-8")
    lines += qp_property("TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE", "总经理", "utf-8")
    lines += ["BDAY:1971-03-08"] + indented + ["END:VCARD"]
    lines += ["BEGIN:VCARD", "VERSION:2.1"]
    lines += qp_property("N;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE", "张;丽;;;", "gb2312")
    lines += qp_property("FN;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE", "张丽", "gb2312")
    lines += ["TEL;CELL:+86 21 6000 1234", "EMAIL;INTERNET:zhang.li@hd-mach.example.cn"]
    lines += qp_property("TITLE;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE", "财务经理（华东区应收账款与信用管理）", "gb2312")
    lines += ["BDAY:19850917", "NOTE:Prefers calls after 14:00; invoices go to the finance mailbox, not to her",
              " own address.", "END:VCARD"]
    lines += ["BEGIN:VCARD", "VERSION:2.1"]
    lines += qp_property("N;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE", "欧阳;明;;;", "gb2312")
    lines += ["TEL;HOME:021-5555 0101", "TEL;CELL;PREF:+86 138 0013 8000",
              "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Ouyang;1;;;;;;;;;;;;;"]
    lines += unindented + ["END:VCARD"]
    write("phone-2.1.vcf", lines, "\r\n")


def google_30():
    """Google Contacts' "Export → vCard (for iOS Contacts)": vCard 3.0, CR LF, item groups
    with X-ABLabel, TYPE=CELL, birthdays without a year as --MM-DD, lines folded at 75."""
    lines = [
        "BEGIN:VCARD", "VERSION:3.0", "FN:Mike Reynolds", "N:Reynolds;Mike;;;",
        "EMAIL;TYPE=INTERNET;TYPE=WORK:mike.reynolds@buckeye.example.com",
        "EMAIL;TYPE=INTERNET;TYPE=HOME:mike.r@home.example.com",
        "TEL;TYPE=CELL:+1 614-555-0199", "TEL;TYPE=WORK:+1 614-555-0100",
        "ADR;TYPE=WORK:;;1200 Industrial Pkwy;Columbus;OH;43215;US",
        "ORG:Buckeye Tooling\\, Inc.", "TITLE:VP Procurement", "BDAY:--04-12",
        "item1.URL:https\\://buckeye.example.com", "item1.X-ABLabel:",
        "NOTE:Met at IMTS 2024.\\nPrefers e-mail\\; call only when urgent.",
        "CATEGORIES:myContacts,Customers", "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "FN:Jennifer Ortiz", "N:Ortiz;Jennifer;;;",
        "item1.EMAIL;TYPE=INTERNET:jen.ortiz@buckeye.example.com", "item1.X-ABLabel:_$!<Other>!$_",
        "TEL;TYPE=WORK:+1 614-555-0150", "item2.TEL;TYPE=CELL;TYPE=pref:+1 614-555-0177", "item2.X-ABLabel:Mobile",
        "ORG:Buckeye Tooling\\, Inc.", "TITLE:Controller", "BDAY:1984-09-30", "CATEGORIES:myContacts", "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "FN:Dave Kowalski", "N:Kowalski;Dave;;;", "TEL;TYPE=CELL:+1 614-555-0123",
        "ORG:Buckeye Tooling\\, Inc.;Plant 2", "TITLE:Plant Manager\\, Plant 2",
        "NOTE:Runs the second shift. Ask about the CNC retrofit before quoting the spindle r",
        " eplacement; he decides with purchasing.",
        "CATEGORIES:myContacts", "END:VCARD",
    ]
    write("google-3.0.vcf", lines, "\r\n")


def rfc_40():
    """vCard 4.0 as RFC 6350 writes it (an iOS / Nextcloud export): UTF-8, UID urn:uuid,
    BDAY --MMDD and date-time, TEL as tel: URIs, PREF, LANG, a data: URI photo folded."""
    photo = "data:image/jpeg;base64," + base64.b64encode(photo_bytes()[:120]).decode()
    folded = ["PHOTO:" + photo[:69]] + [" " + photo[i:i + 74] for i in range(69, len(photo), 74)]
    lines = [
        "BEGIN:VCARD", "VERSION:4.0", "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1", "KIND:individual",
        "FN:陈志强", "N:陈;志强;;;", "BDAY:--1224", "LANG;PREF=1:zh-CN", "LANG;PREF=2:en",
        'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+86-755-8888-0001',
        "TEL;VALUE=uri;TYPE=work:tel:+86-755-8888-0000;ext=102",
        "EMAIL;TYPE=work:chen.zq@sz-elec.example.cn", "ORG:深圳创联电子有限公司", "TITLE:总经理",
        "ROLE:Decision Maker",
    ] + folded + ["REV:20261101T093000Z", "END:VCARD"]
    lines += [
        "BEGIN:VCARD", "VERSION:4.0", "UID:urn:uuid:0d1c5e2a-8f47-4b1e-9a3c-5b6f7e8d9c10",
        "FN:吴芳", "N:吴;芳;;;", "BDAY:19880506T083000Z", "ROLE:Project Leader",
        "EMAIL;TYPE=home;PREF=2:wufang88@mail.example.cn", "EMAIL;TYPE=work;PREF=1:wu.fang@sz-elec.example.cn",
        "TEL;VALUE=uri;TYPE=cell:tel:+86-139-2345-6789", "LANG:zh", "ORG:深圳创联电子有限公司;采购部",
        "TITLE:采购主管", "END:VCARD",
    ]
    write("rfc6350-4.0.vcf", lines, "\r\n")


def broken():
    """One of each problem, on the lines the tests name (LF line ends)."""
    lines = [
        "BEGIN:VCARD", "VERSION:3.0", "FN:Anna Novak", "EMAIL;TYPE=WORK:anna.novak(at)buckeye.example.com",
        "BDAY:1990-13-45", "END:VCARD",                                            # 1-6
        "BEGIN:VCARD", "VERSION:3.0", "N:;;;;", "TEL;TYPE=CELL:+1 614 555 0111", "END:VCARD",  # 7-11
        "BEGIN:VCARD", "VERSION:3.0", "FN:Tom Baker",                              # 12-14
        "BEGIN:VCARD", "VERSION:3.0", "FN:Tom Baker", "BDAY:next spring", "END:VCARD",  # 15-19
        "END:VCARD",                                                               # 20
        "BEGIN:VCARD", "VERSION:2.1", "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Ren=C3=A9 =ZZ", "END:VCARD",  # 21-24
        "BEGIN:VCARD", "VERSION:3.0", "FN;CHARSET=BIG5:Chen", "END:VCARD",         # 25-28
        "BEGIN:VCARD", "VERSION:3.0", "FN:Mike Reynolds", "TEL:+1 614 555 0199", "END:VCARD",  # 29-33
        "BEGIN:VCARD", "VERSION:3.0", "FN:Mike Reynolds", "TEL:+1 614 555 0100", "END:VCARD",  # 34-38
        "BEGIN:VCARD", "VERSION:3.0", "FN:Left Open",                              # 39-41
    ]
    write("broken.vcf", lines, "\n")


phone_21()
google_30()
rfc_40()
broken()
