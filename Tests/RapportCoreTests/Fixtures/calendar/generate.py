#!/usr/bin/env python3
"""Generates the calendar fixtures the tests compare Rapport's calendar engine with.

Run once, by hand; the tests only read the committed CSV files, never this script.
Every figure here comes from an independent, published source, not from Rapport:

  chinese-years.csv     lunardate 0.3.0 (the month table of the `lunar` project, taken
                        from the Hong Kong Observatory's published Gregorian-lunar
                        conversion tables), lunar years 1900-2099. Cross-checked month
                        by month with lunar-python 1.4.8 (6tail, PMO-style astronomy);
                        disagreements are printed, not hidden.
  korean-years.csv      korean-lunar-calendar 0.4.0 (tables of the Korea Astronomy and
                        Space Science Institute, KASI), lunar years 1900-2049.
  vietnamese-years.csv  lunar-vn 1.4.0 (Ho Ngoc Duc's algorithm at UTC+7, the basis of
                        the calendars printed in Vietnam), lunar years 1900-2099.
  solar-terms.csv       lunar-python 1.4.8: the date (UTC+8) of each of the 24 solar
                        terms in every Gregorian year 1901-2099. Qingming cross-checked
                        with the `holidays` package's rule for 1901-2099.
  festivals.csv         holidays 0.109 (python-holidays' curated tables): Chinese,
                        Korean and Vietnamese new year, mid-autumn/Chuseok, dragon boat
                        and double ninth per Gregorian year 1901-2099.
  easter.csv            python-dateutil 2.9 `easter` (Western: Gregorian computus;
                        Orthodox: Julian computus, Gregorian date), 1901-2099.

  python3 -m venv /tmp/v && /tmp/v/bin/pip install lunardate==0.3.0 lunar-python==1.4.8 \
      korean-lunar-calendar==0.4.0 lunar-vn==1.4.0 holidays==0.109 python-dateutil==2.9.0.post0
  /tmp/v/bin/python generate.py
"""
import datetime as dt
import os

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


def chinese():
    from lunardate import LunarDate
    from lunar_python import Solar

    def by_lunar_python(day):
        l = Solar.fromYmd(day.year, day.month, day.day).getLunar()
        return l.getYear(), abs(l.getMonth()), l.getDay(), l.getMonth() < 0

    # lunardate converts lunar dates of its table (lunar 1900-2099) to Gregorian ones.
    hko = []
    for year in range(1900, 2100):
        leap = LunarDate.leap_month_for_year(year)
        for month in range(1, 13):
            hko.append((LunarDate(year, month, 1).to_solar_date(), year, month, False))
            if month == leap:
                hko.append((LunarDate(year, month, 1, True).to_solar_date(), year, month, True))
    try:
        last_day = LunarDate(2099, 12, 30).to_solar_date()
    except ValueError:
        last_day = LunarDate(2099, 12, 29).to_solar_date()
    hko.append((last_day + ONE, 2100, 1, False))
    other = month_starts(by_lunar_python, dt.date(1900, 1, 31), hko[-1][0])
    diff = sorted(set(hko) ^ set(other))
    for s in diff:
        print("chinese: lunardate and lunar-python disagree on", s)
    header = ("# Chinese lunar years 1900-2099: first day (lunar 1-1), leap month (0 = none) and the\n"
              "# lengths of the months in calendar order (a leap month follows its ordinary month).\n"
              "# Source: lunardate 0.3.0 (Hong Kong Observatory tables); see generate.py.\n")
    write_years("chinese-years.csv", header, years_table(hko, 1900, 2099))


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
    with open(os.path.join(HERE, "solar-terms.csv"), "w") as out:
        out.write("# Dates (UTC+8) of the 24 solar terms, 1st (Lichun) to 24th (Dahan), in each Gregorian year.\n"
                  "# Source: lunar-python 1.4.8; see generate.py.\n")
        out.write("year," + ",".join(TERMS) + "\n")
        for year in range(1901, 2100):
            found = {}
            for lunar_year in (year - 1, year, year + 1):
                for name, solar in Lunar.fromYmd(lunar_year, 1, 1).getJieQiTable().items():
                    if solar.getYear() == year:
                        found[ALIASES.get(name, name)] = dt.date(year, solar.getMonth(), solar.getDay())
            assert len(found) == 24, (year, found)
            qingming, _ = rule.qingming_date(year)
            if qingming != found["清明"]:
                print("qingming: lunar-python and holidays disagree", year, found["清明"], qingming)
            out.write(str(year) + "," + ",".join(found[t].isoformat() for t in TERMS) + "\n")


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
    chinese()
    korean()
    vietnamese()
    solar_terms()
    festivals()
    easter()
