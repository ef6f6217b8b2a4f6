#!/usr/bin/env python3
"""Generates india-festivals.csv and india-months.csv, the fixtures Rapport's Hindu
calendar is compared with. Run once, by hand; the tests only read the CSV files.

Nothing here comes from Rapport. Two independent sources:

  published   holidays 0.109 (python-holidays), `holidays.calendars.hindu`:
              DIWALI_INDIA_DATES and HOLI_DATES, 2001-2035, which its comments source
              to timeanddate.com's India pages: the Government of India's gazetted
              holidays (the Department of Personnel and Training's yearly lists) for
              past years, timeanddate's announced dates for the later ones.
              (Its DIWALI_DATES table of 1901-2100 names no source and is a month late
              in 43 years, 2017 and 2025 among them against the gazette: not used.)
  drik        drik-panchanga 2.0.0 (S. B. D., AGPL; Swiss Ephemeris 2.10 through
              pyswisseph 2.10.3.2, its built-in Moshier ephemeris), configured for
              Lahiri ayanamsha, New Delhi (28.6139 N, 77.2090 E), IST, and the
              almanacs' sunrise (upper limb, refraction) instead of its default disc
              centre. Its own festival rule (tithi at sunrise, `festival_rules.
              select_plain_tithi_dates`: vriddhi -> first day, kshaya -> later day)
              gives the `*_udaya` columns and the amanta months. The `*_pradosh`
              columns apply the pradosh rules of docs/calendars.md to drik-panchanga's
              sunrise, sunset and Swiss Ephemeris elongation: the same rule, computed
              from an independent ephemeris and independent code.

Columns of india-festivals.csv, one row per year 1950-2050 (empty = not published):
  year, diwali_published, holi_published            (python-holidays / GoI)
  diwali_udaya, holika_udaya                         (drik-panchanga's rule)
  diwali_pradosh, holika_dahan_pradosh               (pradosh rules on drik-panchanga)
india-months.csv: every amanta month starting 1950-2050 with drik-panchanga's name:
  first_day (the first civil day whose sunrise sees the month), masa (1 = Chaitra), adhika (0/1)

  python3 -m venv /tmp/v && /tmp/v/bin/pip install holidays==0.109 drik-panchanga==2.0.0 pyswisseph==2.10.3.2
  /tmp/v/bin/python generate_india.py
"""
import csv
import datetime as dt
import os

import swisseph as swe
import panchanga
import festival_rules
from datetime_helper import Date, gregorian_to_jd
from holidays.calendars.hindu import _HinduLunisolar

HERE = os.path.dirname(os.path.abspath(__file__))
PLACE = panchanga.Place(28.6139, 77.2090, 5.5)
IST = 5.5 / 24
FIRST, LAST = 1950, 2050

panchanga.set_chosen_ayanamsa("lahiri")
panchanga._rise_flags = 0  # upper limb with refraction, as printed almanacs and Rapport


def elongation(jd):
    return panchanga.lunar_phase(jd)


def crossing(degrees, near):
    """UT instant near `near` at which the elongation reaches `degrees`."""
    jd = near
    for _ in range(30):
        delta = (degrees - elongation(jd) + 180) % 360 - 180
        jd += delta / 12.19
        if abs(delta) < 1e-7:
            break
    return jd


def tithi_span(day_jd, tithi):
    """Start and end (UT) of the occurrence of `tithi` nearest the civil day `day_jd`."""
    start = crossing((tithi - 1) * 12, day_jd)
    end = crossing(tithi * 12, start + 0.5)
    return start, end


def civil(jd):
    y, m, d, _ = swe.revjul(jd + IST)
    return Date(y, m, d)


def sunrise(date):
    return panchanga.sunrise(gregorian_to_jd(date), PLACE)


def sunset(date):
    return panchanga.sunset(gregorian_to_jd(date), PLACE)


def udaya_day(start, end):
    """The first day whose sunrise sees the tithi; for a kshaya tithi, the day
    (sunrise to sunrise) that holds it."""
    day = civil(start)
    if sunrise(day) > start:
        day -= 1
    return day + 1 if sunrise(day) < start and sunrise(day + 1) < end else day


def pradosh_day(start, end):
    """The day whose pradosh (sunset + a fifth of the night) the tithi covers most;
    a tithi that touches no pradosh (begun after one, ended before the next), the
    udaya day."""
    best, best_overlap = None, 0.0
    first = civil(start) - 1
    for i in range(4):
        day = first + i
        dusk = sunset(day)
        window_end = dusk + (sunrise(day + 1) - dusk) / 5
        overlap = min(end, window_end) - max(start, dusk)
        if overlap > best_overlap:
            best, best_overlap = day, overlap
    return best or udaya_day(start, end)


def holika_dahan(start, end):
    """Pradosh day, moved to the next evening when Bhadra (the first half of the
    purnima) lasts past that night's midnight and the purnima still prevails two
    muhurtas (2/15 of the daytime) before the next sunset."""
    day = pradosh_day(start, end)
    bhadra_end = (start + end) / 2
    midnight = gregorian_to_jd(day + 1) - IST
    rise, dusk = sunrise(day + 1), sunset(day + 1)
    if bhadra_end > midnight and end > dusk - (dusk - rise) * 2 / 15:
        day += 1
    return day


def records(first, last):
    out = []
    day = first
    while day <= last:
        jd = gregorian_to_jd(day)
        tithi = panchanga.tithi(jd, PLACE)[0]
        masa, adhika = panchanga.masa(jd, PLACE, amanta=True, tithi_number=tithi)
        code = f"S{tithi}" if tithi <= 15 else f"K{tithi - 15}"
        out.append(festival_rules.DayRecord(day, code, None, None, f"A{masa}" if adhika else str(masa), adhika,
                                            panchanga.sunrise(jd, PLACE)))
        day += 1
    return out


def iso(date):
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}" if date else ""


def main():
    published = _HinduLunisolar()
    rows, months = [], []
    previous = None
    for year in range(FIRST, LAST + 1):
        days = records(Date(year, 1, 1), Date(year, 12, 31))
        for record in days:
            if record.masa != previous:
                months.append((iso(record.civil_date), record.masa.lstrip("A"), int(record.is_adhika)))
                previous = record.masa
        diwali = festival_rules.select_plain_tithi_dates(days, 7, "K15")
        holika = festival_rules.select_plain_tithi_dates(days, 12, "S15")
        assert len(diwali) == 1 and len(holika) == 1, (year, diwali, holika)
        d_start, d_end = tithi_span(gregorian_to_jd(diwali[0]), 30)
        h_start, h_end = tithi_span(gregorian_to_jd(holika[0]), 15)
        d = published.DIWALI_INDIA_DATES.get(year)
        h = published.HOLI_DATES.get(year)
        rows.append([year, iso(dt.date(year, *d)) if d else "", iso(dt.date(year, *h)) if h else "",
                     iso(diwali[0]), iso(holika[0]), iso(pradosh_day(d_start, d_end)), iso(holika_dahan(h_start, h_end))])
        print(year, rows[-1][1:], flush=True)
    with open(os.path.join(HERE, "india-festivals.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["year", "diwali_published", "holi_published", "diwali_udaya", "holika_udaya",
                    "diwali_pradosh", "holika_dahan_pradosh"])
        w.writerows(rows)
    with open(os.path.join(HERE, "india-months.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["first_day", "masa", "adhika"])
        w.writerows(months)


if __name__ == "__main__":
    main()
