#!/usr/bin/env python3
"""Generates country-holidays.csv: the dates python-holidays gives the counterparts of
the occasions of Rapport's TH, RU, BR, MX, FR, IT, ES, CA and AU calendars.

Run once, by hand; the tests only read the committed CSV, never this script. Source:
holidays 0.109 (python-holidays, curated from each country's laws and gazettes), with
observed=False (no in-lieu days) and the en_US names. One row per country, occasion key
and every year python-holidays covers within 1901-2099 (from the country's start_year);
an empty `dates` cell means python-holidays has no such holiday that year.

  python3 -m venv /tmp/v && /tmp/v/bin/pip install holidays==0.109
  /tmp/v/bin/python generate_countries.py

A counterpart name that python-holidays never uses stops the script (exit 1), so a
renamed holiday cannot turn into silently empty rows.
"""
import os
import sys

import holidays

HERE = os.path.dirname(os.path.abspath(__file__))

# Rapport occasion key -> python-holidays' en_US names for it (a holiday renamed over
# the years has several).
COUNTERPARTS = {
    "TH": {"new-year": ["New Year's Day"], "songkran": ["Songkran Festival"],
           "kings-birthday": ["HM King Maha Vajiralongkorn's Birthday"], "national-day": ["National Day"]},
    "RU": {"new-year": ["New Year's Day", "New Year Holidays"], "christmas": ["Christmas Day"],
           "russia-day": ["Russia Day",
                          "Day of the Adoption of the Declaration of Sovereignty of the Russian Federation"]},
    "BR": {"new-year": ["Universal Fraternization Day"], "good-friday": ["Good Friday"],
           "independence-day": ["Independence Day"], "christmas": ["Christmas Day"]},
    "MX": {"new-year": ["New Year's Day"], "independence-day": ["Independence Day"], "christmas": ["Christmas Day"]},
    "FR": {"new-year": ["New Year's Day"], "easter-monday": ["Easter Monday"], "bastille-day": ["National Day"],
           "christmas": ["Christmas Day"]},
    "IT": {"new-year": ["New Year's Day"], "easter-sunday": ["Easter Sunday"], "easter-monday": ["Easter Monday"],
           "republic-day": ["Republic Day"], "christmas": ["Christmas Day"],
           "santo-stefano": ["Saint Stephen's Day"]},
    "ES": {"new-year": ["New Year's Day"], "good-friday": ["Good Friday"], "national-day": ["National Day"],
           "christmas": ["Christmas Day"]},
    "CA": {"new-year": ["New Year's Day"], "good-friday": ["Good Friday"],
           "canada-day": ["Dominion Day", "Canada Day"], "christmas": ["Christmas Day"]},
    "AU": {"new-year": ["New Year's Day"], "australia-day": ["Australia Day"], "good-friday": ["Good Friday"],
           "easter-monday": ["Easter Monday"], "anzac-day": ["ANZAC Day"], "christmas": ["Christmas Day"],
           "boxing-day": ["Boxing Day"]},
}


def main():
    rows, unused = [], []
    for country, keys in COUNTERPARTS.items():
        first = max(1901, holidays.country_holidays(country).__class__.start_year)
        used = set()
        for year in range(first, 2100):
            table = holidays.country_holidays(country, years=year, language="en_US", observed=False)
            by_name = {}
            for day, names in sorted(table.items()):
                for name in names.split("; "):
                    by_name.setdefault(name, []).append(day)
            for key, names in keys.items():
                days = sorted({d for n in names for d in by_name.get(n, [])})
                used.update(n for n in names if n in by_name)
                rows.append(f"{country},{key},{year},{' '.join(d.isoformat() for d in days)}\n")
        unused += [f"{country} {key}: '{n}'" for key, names in keys.items() for n in names if n not in used]
    if unused:
        sys.exit("country-holidays.csv: python-holidays never names these, nothing written:\n  " + "\n  ".join(unused))
    with open(os.path.join(HERE, "country-holidays.csv"), "w") as out:
        out.write("# Dates python-holidays gives the counterparts of our occasions, every year it covers in 1901-2099.\n"
                  "# Source: holidays 0.109 (python-holidays), observed=False, en_US names; see generate_countries.py.\n")
        out.write("country,key,year,dates\n")
        out.writelines(rows)


if __name__ == "__main__":
    main()
