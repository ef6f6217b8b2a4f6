#!/usr/bin/env bash
# Renders `rapport audit --format html` in headless Chromium and checks the screenshot.
#
#   Tests/html/check-audit-html.sh            # builds rapport (debug) first
#   RAPPORT_BIN=path/to/rapport Tests/html/check-audit-html.sh
#   KEEP=1 ...                                # keep the work folder (page + screenshot)
#
# Exits 0 when the page passes, 1 when it fails, and 0 with a "SKIP:" line when Chromium
# (Debian package `chromium`) or the sqlite3 shell is not installed, so CI can run it anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
if [ -z "$browser" ]; then
    echo "SKIP: no headless Chromium found (install the Debian package 'chromium' to run this check)"
    exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "SKIP: the sqlite3 shell is needed to build the test database (Debian package 'sqlite3')"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 is needed to read the screenshot's pixels"
    exit 0
fi

if [ -z "${RAPPORT_BIN:-}" ]; then
    swift build --product rapport >/dev/null
    RAPPORT_BIN="$(swift build --show-bin-path)/rapport"
fi

work=$(mktemp -d)
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "work folder: $work"; fi
fail() { echo "FAIL: $*"; exit 1; }

db="$work/audit.db"
"$RAPPORT_BIN" init --db "$db" >/dev/null
# Two reps (one with no account), hostile and CJK names, two currencies, touches before
# and in the period, partial payments; HD-MACH's payment slips (on time the year before,
# 25, 29 and 30 days late since: the payer chart), all paid before the period.
sqlite3 "$db" <<'SQL'
INSERT INTO rep (id, handle, name) VALUES (1, 'wang.lei', '王磊'), (2, 'amy', 'Amy <b>Chen</b>'), (3, 'newbie', 'New Rep');
INSERT INTO account (id, key, name, tier, owner_id, country, created_on) VALUES
 (1, 'HD-MACH', '华东机械 <script>alert("x")</script>', 'A', 1, 'CN', '2023-01-01'),
 (2, 'SZ-ELEC', 'Shenzhen "Elec" & Co', 'B', 1, 'CN', '2024-03-01'),
 (3, 'JP-TOOL', '<img src=http://example.com/x.png>', 'C', 2, 'JP', '2024-06-01');
INSERT INTO touch (account_id, rep_id, date, channel, kind) VALUES
 (1, 1, '2024-12-20', 'visit', 'visit'), (1, 1, '2025-01-10', 'chat', 'greeting'), (1, 1, '2025-01-22', 'call', 'checkin'),
 (1, 1, '2025-02-05', 'call', 'collection'), (1, 1, '2025-02-18', 'gift', 'gift'), (1, 1, '2025-03-01', 'call', 'checkin'),
 (1, 1, '2025-03-14', 'call', 'collection'), (1, 1, '2025-03-27', 'visit', 'visit'),
 (2, 1, '2025-01-15', 'chat', 'checkin'), (2, 1, '2025-03-20', 'call', 'collection'),
 (3, 2, '2025-02-01', 'email', 'greeting');
INSERT INTO invoice (id, number, account_id, issued_on, due_on, amount, currency) VALUES
 (1, 'INV-1', 1, '2024-11-15', '2024-12-15', 10000000, 'CNY'),
 (2, 'INV-2', 1, '2025-01-20', '2025-02-19', 5000000, 'CNY'),
 (3, 'INV-3', 2, '2025-02-01', '2025-03-03', 2500000, 'CNY'),
 (4, 'INV-4', 3, '2025-01-05', '2025-02-04', 1200000, 'JPY'),
 (5, 'P-1', 1, '2023-05-01', '2023-06-01', 1000000, 'CNY'), (6, 'P-2', 1, '2023-08-01', '2023-09-01', 1000000, 'CNY'),
 (7, 'P-4', 1, '2024-05-01', '2024-06-01', 1000000, 'CNY'), (8, 'P-5', 1, '2024-08-01', '2024-09-01', 1000000, 'CNY'),
 (9, 'P-6', 1, '2024-10-01', '2024-11-01', 1000000, 'CNY');
INSERT INTO payment (invoice_id, paid_on, amount) VALUES (1, '2025-01-25', 4000000), (2, '2025-03-10', 5000000), (4, '2025-02-20', 600000),
 (5, '2023-06-01', 1000000), (6, '2023-08-30', 1000000), (7, '2024-06-26', 1000000), (8, '2024-09-30', 1000000), (9, '2024-12-01', 1000000);
SQL

out="$work/report"
mkdir "$out"
"$RAPPORT_BIN" audit --db "$db" --from 2025-01-01 --to 2025-03-31 --format html --out "$out/audit.html" \
    --penalty-rate 0.0001 --commission-rate 0.03 2>"$work/stderr" || fail "rapport audit exited $?: $(cat "$work/stderr")"
[ -s "$out/audit.html" ] || fail "no audit.html written"
[ "$(ls "$out")" = "audit.html" ] || fail "--out wrote more than its file: $(ls "$out")"

page="$out/audit.html"
# Self-contained: no script, nothing fetched (src/href/url()/@import), user text escaped.
grep -qi '<script' "$page" && fail "page contains a <script> element"
grep -Eqi '(src|href)[[:space:]]*=[[:space:]]*["'"'"']?[a-z]+://' "$page" && fail "page references an external resource"
grep -Eqi 'url\(|@import' "$page" && fail "page loads CSS resources"
grep -q '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' "$page" || fail "hostile account name not escaped"
grep -q '<svg' "$page" || fail "no inline SVG chart"
grep -q 'aria-label="Days beyond terms per quarter, wang.lei' "$page" || fail "no payer chart for the slipping account's rep"
grep -q '@media print' "$page" || fail "no print stylesheet"

shot="$work/audit.png"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-extensions --disable-background-networking --window-size=1200,1800 \
    --screenshot="$shot" "file://$page" >"$work/chromium.log" 2>&1 || fail "chromium failed: $(tail -3 "$work/chromium.log")"
[ -s "$shot" ] || fail "no screenshot written"

# Reads the PNG with the standard library only and checks it is a real page: mostly white,
# with dark text and the charts' green, red and amber/orange bars present.
python3 - "$shot" <<'PY' || fail "screenshot check failed"
import struct, sys, zlib

def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"unsupported PNG depth {depth} colour {colour}"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1: line[x] = (line[x] + a) & 255
            elif kind == 2: line[x] = (line[x] + b) & 255
            elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows

width, height, channels, rows = pixels(sys.argv[1])
total = white = dark = 0
seen = set()
for line in rows[::2]:
    for x in range(0, len(line), channels * 2):
        r, g, b = line[x], line[x + 1], line[x + 2]
        total += 1
        if r > 245 and g > 245 and b > 245: white += 1
        if r < 80 and g < 80 and b < 80: dark += 1
        seen.add((r >> 4, g >> 4, b >> 4))

def near(rgb):
    return (rgb[0] >> 4, rgb[1] >> 4, rgb[2] >> 4) in seen

print(f"screenshot {width}x{height}: {white / total:.1%} white, {dark / total:.2%} dark text, {len(seen)} colour cells")
assert width >= 1000 and height >= 1000, "screenshot too small"
assert white / total < 0.995, "blank page"
assert white / total > 0.5, "page is not mostly white: an error page?"
assert dark / total > 0.002, "no visible text"
missing = [name for name, rgb in {"green bar": (0x2f, 0x85, 0x5a), "red bar": (0xc5, 0x30, 0x30), "aging 1–30 bar": (0xf6, 0xc3, 0x43)}.items() if not near(rgb)]
assert not missing, f"charts not drawn: no {', '.join(missing)}"
PY

echo "PASS: audit HTML renders in $(basename "$browser") ($(wc -c <"$page") bytes page, screenshot $(wc -c <"$shot") bytes)"
