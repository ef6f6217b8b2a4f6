#!/usr/bin/env python3
"""Generates the calendar fixtures the tests compare Rapport's calendar engine with.

Run once, by hand; the tests only read the committed CSV files, never this script.
Every figure here comes from an independent, published source, not from Rapport:

  chinese-years.csv     lunar years 1900-2099, every month from two independent sources
                        that must agree month by month: lunar-python 1.4.8 (6tail; the
                        Purple Mountain Observatory's calendar, computed) and zhdate 0.1
                        (the table of the Hong Kong Observatory's conversion tables).
                        Where they disagree the script stops (exit 1, the month named)
                        unless the month is listed in DISPUTED below with its reason;
                        such a year goes to chinese-disputed.csv instead. lunardate is
                        no longer a source: its table starts three months a day early
                        (1933 6th, 1954 11th, 1978 8th) against lunar-python, zhdate,
                        lunarcalendar, python-holidays and the astronomy.
  korean-years.csv      korean-lunar-calendar 0.4.0 (tables of the Korea Astronomy and
                        Space Science Institute, KASI), lunar years 1900-2049.
  vietnamese-years.csv  lunar-vn 1.4.0 (Ho Ngoc Duc's algorithm at UTC+7, the basis of
                        the calendars printed in Vietnam), lunar years 1900-2099.
  solar-terms.csv       lunar-python 1.4.8: the date (UTC+8) of each of the 24 solar
                        terms in every Gregorian year 1901-2099. Qingming must agree
                        with the `holidays` package's rule for 1901-2099 (else exit 1).
  festivals.csv         holidays 0.109 (python-holidays' curated tables): Chinese,
                        Korean and Vietnamese new year, mid-autumn/Chuseok, dragon boat
                        and double ninth per Gregorian year 1901-2099.
  easter.csv            python-dateutil 2.9 `easter` (Western: Gregorian computus;
                        Orthodox: Julian computus, Gregorian date), 1901-2099.

  python3 -m venv /tmp/v && /tmp/v/bin/pip install lunar-python==1.4.8 zhdate==0.1 ephem==4.2.1 \
      korean-lunar-calendar==0.4.0 lunar-vn==1.4.0 holidays==0.109 python-dateutil==2.9.0.post0
  /tmp/v/bin/python generate.py
"""
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ONE = dt.timedelta(days=1)


def month_starts(to_lunar, first, last):
    """(gregorian date, lunar year, month, leap) for every lunar month starting in [first, last]."""
    starts = []
    day = first
    while day <= last:
        y, m, d, leap = to_lunar(day)
        if d == 1:
            starts.append((day, y, m, leap))
        day += ONE
    return starts


def years_table(starts, first_year, last_year):
    """lunar_year -> (first day, leap month or 0, [month lengths in calendar order])."""
    table = {}
    for i, (day, y, m, leap) in enumerate(starts[:-1]):
        if not first_year <= y <= last_year:
            continue
        length = (starts[i + 1][0] - day).days
        entry = table.setdefault(y, [None, 0, []])
        if m == 1 and not leap:
            entry[0] = day
        if leap:
            entry[1] = m
        entry[2].append(length)
    return table


def write_years(name, header, table):
    with open(os.path.join(HERE, name), "w") as out:
        out.write(header)
        out.write("lunar_year,first_day,leap_month,month_days\n")
        for y in sorted(table):
            first, leap, lengths = table[y]
            out.write(f"{y},{first.isoformat()},{leap},{' '.join(map(str, lengths))}\n")


class Disagreement(Exception):
    """Sources of one fixture disagree: the fixture is not written, the script exits 1."""


def fail_on(problems, fixture):
    if problems:
        raise Disagreement(f"{fixture}: the sources disagree, nothing written:\n  " + "\n  ".join(problems))


# Chinese months on which the two sources disagree and nobody can settle it: the new
# moon falls seconds from midnight UTC+8, closer than the uncertainty of the clock
# correction (delta T) that far ahead. Such a lunar year is left out of chinese-years.csv
# and written, with both sources' dates and the instant of the new moon (ephem, UTC+8),
# to chinese-disputed.csv. Any other disagreement stops the script.
DISPUTED = {
    (2057, 9, False): "new moon 2057-09-28 23:59:50 UTC+8 (ephem), ten seconds before midnight",
}


def chinese():
    from lunar_python import Solar
    from zhdate import ZhDate
    import ephem

    def by_lunar_python(day):
        l = Solar.fromYmd(day.year, day.month, day.day).getLunar()
        return l.getYear(), abs(l.getMonth()), l.getDay(), l.getMonth() < 0

    def by_zhdate(day):
        z = ZhDate.from_datetime(dt.datetime(day.year, day.month, day.day))
        return z.lunar_year, z.lunar_month, z.lunar_day, bool(z.leap_month)

    # Lunar 1900-01-01 to lunar 2100-01-01 (the end of lunar 2099).
    first, last = dt.date(1900, 1, 31), dt.date(2100, 2, 9)
    sources = {"lunar-python": month_starts(by_lunar_python, first, last),
               "zhdate": month_starts(by_zhdate, first, last)}
    by_month = {name: {(y, m, leap): day for day, y, m, leap in starts} for name, starts in sources.items()}
    pmo, table = by_month["lunar-python"], by_month["zhdate"]
    problems, disputed = [], {}
    for month in sorted(set(pmo) | set(table)):
        if pmo.get(month) == table.get(month):
            continue
        y, m, leap = month
        found = f"lunar-python {pmo.get(month)}, zhdate {table.get(month)}"
        if month in DISPUTED:
            disputed[month] = (pmo.get(month), table.get(month))
        else:
            problems.append(f"lunar {y} {'leap ' if leap else ''}month {m}: {found}")
    for month in DISPUTED:
        if month not in disputed:
            problems.append(f"lunar {month[0]} month {month[1]} is listed as disputed but the sources agree")
    fail_on(problems, "chinese-years.csv")

    header = ("# Chinese lunar years 1900-2099: first day (lunar 1-1), leap month (0 = none) and the\n"
              "# lengths of the months in calendar order (a leap month follows its ordinary month).\n"
              "# Source: lunar-python 1.4.8 (Purple Mountain Observatory calendar) and zhdate 0.1 (the\n"
              "# Hong Kong Observatory table), month by month identical; years they dispute are in\n"
              "# chinese-disputed.csv instead. See generate.py.\n")
    table_rows = years_table(sources["lunar-python"], 1900, 2099)
    for y, _, _ in disputed:
        del table_rows[y]
    write_years("chinese-years.csv", header, table_rows)

    with open(os.path.join(HERE, "chinese-disputed.csv"), "w") as out:
        out.write("# Chinese lunar months whose first day the sources dispute (the new moon seconds from\n"
                  "# midnight UTC+8); their lunar years are not in chinese-years.csv.\n"
                  "# Sources: lunar-python 1.4.8, zhdate 0.1; new moon instant (UTC+8) from ephem 4.2; see generate.py.\n")
        out.write("lunar_year,month,leap,lunar_python,zhdate,new_moon_utc8\n")
        for (y, m, leap), (a, b) in sorted(disputed.items()):
            moon = ephem.Date(ephem.next_new_moon((min(a, b) - 2 * ONE).strftime("%Y/%m/%d")) + 8 * ephem.hour)
            stamp = moon.datetime().strftime("%Y-%m-%d %H:%M:%S")
            out.write(f"{y},{m},{int(leap)},{a.isoformat()},{b.isoformat()},{stamp}\n")


def korean():
    from korean_lunar_calendar import KoreanLunarCalendar
    cal = KoreanLunarCalendar()

    def to_lunar(day):
        cal.setSolarDate(day.year, day.month, day.day)
        return cal.lunarYear, cal.lunarMonth, cal.lunarDay, cal.isIntercalation

    starts = month_starts(to_lunar, dt.date(1900, 1, 31), dt.date(2050, 2, 28))
    header = ("# Korean lunar years 1900-2049, same columns as chinese-years.csv.\n"
              "# Source: korean-lunar-calendar 0.4.0 (KASI tables); see generate.py.\n")
    write_years("korean-years.csv", header, years_table(starts, 1900, 2049))


def vietnamese():
    from lunar_vn.core import convert_solar_to_lunar

    def to_lunar(day):
        l = convert_solar_to_lunar(day.day, day.month, day.year, 7.0)
        return l.year, l.month, l.day, l.leap

    starts = month_starts(to_lunar, dt.date(1900, 1, 31), dt.date(2100, 3, 1))
    header = ("# Vietnamese lunar years 1900-2099 (UTC+7), same columns as chinese-years.csv.\n"
              "# Source: lunar-vn 1.4.0 (Ho Ngoc Duc's algorithm); see generate.py.\n")
    write_years("vietnamese-years.csv", header, years_table(starts, 1900, 2099))


# The 24 terms from Lichun (1st) to Dahan (24th); lunar-python's names and its
# upper-case aliases for the repeats at the ends of its tables.
TERMS = ["立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至", "小暑", "大暑",
         "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至", "小寒", "大寒"]
ALIASES = {"DONG_ZHI": "冬至", "XIAO_HAN": "小寒", "DA_HAN": "大寒", "LI_CHUN": "立春",
           "YU_SHUI": "雨水", "JING_ZHE": "惊蛰", "DA_XUE": "大雪"}


def solar_terms():
    from lunar_python import Lunar
    from holidays.calendars.chinese import _ChineseLunisolar
    rule = _ChineseLunisolar()
    rows, problems = [], []
    for year in range(1901, 2100):
        found = {}
        for lunar_year in (year - 1, year, year + 1):
            for name, solar in Lunar.fromYmd(lunar_year, 1, 1).getJieQiTable().items():
                if solar.getYear() == year:
                    found[ALIASES.get(name, name)] = dt.date(year, solar.getMonth(), solar.getDay())
        assert len(found) == 24, (year, found)
        qingming, _ = rule.qingming_date(year)
        if qingming != found["清明"]:
            problems.append(f"{year} qingming: lunar-python {found['清明']}, holidays {qingming}")
        rows.append(str(year) + "," + ",".join(found[t].isoformat() for t in TERMS) + "\n")
    fail_on(problems, "solar-terms.csv")
    with open(os.path.join(HERE, "solar-terms.csv"), "w") as out:
        out.write("# Dates (UTC+8) of the 24 solar terms, 1st (Lichun) to 24th (Dahan), in each Gregorian year.\n"
                  "# Source: lunar-python 1.4.8; see generate.py.\n")
        out.write("year," + ",".join(TERMS) + "\n")
        out.writelines(rows)


def festivals():
    from holidays.calendars.chinese import (_ChineseLunisolar, CHINESE_CALENDAR, KOREAN_CALENDAR,
                                            VIETNAMESE_CALENDAR)
    cal = _ChineseLunisolar()
    rows = []
    for year in range(1901, 2100):
        rows.append((year, "CN", "new-year", cal.lunar_new_year_date(year, CHINESE_CALENDAR)[0]))
        rows.append((year, "CN", "dragon-boat", cal.dragon_boat_date(year)[0]))
        rows.append((year, "CN", "mid-autumn", cal.mid_autumn_date(year, CHINESE_CALENDAR)[0]))
        rows.append((year, "CN", "double-ninth", cal.double_ninth_date(year)[0]))
        rows.append((year, "KR", "new-year", cal.lunar_new_year_date(year, KOREAN_CALENDAR)[0]))
        rows.append((year, "KR", "mid-autumn", cal.mid_autumn_date(year, KOREAN_CALENDAR)[0]))
        rows.append((year, "VN", "new-year", cal.lunar_new_year_date(year, VIETNAMESE_CALENDAR)[0]))
    with open(os.path.join(HERE, "festivals.csv"), "w") as out:
        out.write("# Lunar festivals per Gregorian year: CN new-year (1-1), dragon-boat (5-5), mid-autumn (8-15),\n"
                  "# double-ninth (9-9); KR new-year (Seollal) and mid-autumn (Chuseok); VN new-year (Tet).\n"
                  "# Source: holidays 0.109 (python-holidays' tables); see generate.py.\n")
        out.write("year,calendar,festival,date\n")
        for year, calendar, festival, date in rows:
            out.write(f"{year},{calendar},{festival},{date.isoformat()}\n")


def easter():
    from dateutil.easter import easter as computus, EASTER_WESTERN, EASTER_ORTHODOX
    with open(os.path.join(HERE, "easter.csv"), "w") as out:
        out.write("# Easter Sunday (Gregorian dates). Source: python-dateutil 2.9 easter(); see generate.py.\n")
        out.write("year,western,orthodox\n")
        for year in range(1901, 2100):
            out.write(f"{year},{computus(year, EASTER_WESTERN).isoformat()},"
                      f"{computus(year, EASTER_ORTHODOX).isoformat()}\n")


if __name__ == "__main__":
    try:
        for fixture in (chinese, korean, vietnamese, solar_terms, festivals, easter):
            fixture()
    except Disagreement as problem:
        sys.exit(str(problem))  # message on stderr, exit status 1
