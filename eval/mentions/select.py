#!/usr/bin/env python3
"""Choose the articles of the judged mentions sample, reproducibly.

Strata: (corpus, year). kcna-co-jp: 2 articles per year 1997-2018; kcna-kp: its one 2023 record
and 9 of 2024; rodong: 3 per year 2021-2022 (the year read from the newsID in the URL). Within a
stratum the records with a non-empty body written in English are listed in corpus order and
sampled with random.Random(SEED). The kcna-co-jp file holds some Spanish pages, not all marked by
language_hint: a record counts as English when its language_hint is "en" and its text has more
English than Spanish function words.
Prints one line per article: corpus, url, published, title.

    python3 eval/mentions/select.py [corpora-dir]
"""
import gzip
import json
import os
import random
import re
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from records import english, published, text  # noqa: E402

SEED = 20240517
CORPORA = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora"
PLAN = [
    ("kcna-co-jp-1997-2018.jsonl.gz", {y: 2 for y in range(1997, 2019)}),
    ("kcna-kp-2023-2024.jsonl.gz", {2023: 1, 2024: 9}),
    ("rodong-2021-2022.jsonl.gz", {2021: 3, 2022: 3}),
]


def main():
    rng = random.Random(SEED)
    for corpus, per_year in PLAN:
        strata = {}
        with gzip.open(f"{CORPORA}/{corpus}", "rt", encoding="utf-8", errors="replace") as f:
            for line in f:
                rec = json.loads(line)
                if not text(rec).strip() or not english(rec):
                    continue
                date = published(rec)
                year = int(date[:4]) if date[:4].isdigit() else None
                if year in per_year:
                    strata.setdefault(year, []).append((rec["url"], date, rec.get("title", "")))
        for year in sorted(per_year):
            for url, date, title in rng.sample(strata.get(year, []), min(per_year[year], len(strata.get(year, [])))):
                print(json.dumps({"corpus": corpus, "url": url, "published": date, "title": title}, ensure_ascii=False))


if __name__ == "__main__":
    main()
