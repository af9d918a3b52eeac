#!/usr/bin/env python3
"""Choose the articles of the judged appearances sample, reproducibly.

Candidates: English records with a non-empty body whose title or text names a followed person of
the gazetteer ("followed": true) under its name or one of its aliases. A name the gazetteer marks
ambiguous (Kim Yong Il, the premier and the diplomat) counts only when written "Premier Kim Yong
Il". Strata: (corpus, year). kcna-co-jp: 6 articles per year 1997-2018; kcna-kp: its 2023 record
if it names one, and 16 of 2024; rodong: 6 per year 2021-2022 (the year read from the newsID in
the URL). Within a stratum the candidates are listed in corpus order (a URL once, its first
version) and sampled with random.Random(SEED). The kcna-co-jp file holds some Spanish pages, not
all marked by language_hint: a record counts as English when its language_hint is "en" and its
text has more English than Spanish function words.

A second stratum, "activity titles", chosen after the first and with its own generator
(random.Random(SEED_TITLES)), so that the first stratum's picks do not change: English articles whose
TITLE names a followed person (not in the possessive: "Kim Jong Il's China Visit Hailed" is out)
followed, after the name, by a verb of activity in the present tense of KCNA's headlines (inspects,
visits, gives field guidance, watches, enjoys, attends, receives, meets, talks, observes, guides,
oversees, presides, ...), with no filter on what the title is about (a letter, a floral basket stays
in). Strata
(corpus, year): kcna-co-jp: 4 articles per year 1997-2018; kcna-kp: 10 of 2023-2024 taken
together; rodong: 10 of 2021-2022 taken together. Articles of the first stratum are left out.

Prints one line per article: corpus, url, published, title, stratum ("names" or "activity titles").

    python3 eval/appearances/select.py [corpora-dir]
"""
import glob
import gzip
import json
import os
import random
import re
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from records import english, published, text  # noqa: E402

SEED = 20240603
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPORA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpora")
PLAN = [
    ("kcna-co-jp-1997-2018.jsonl.gz", {y: 6 for y in range(1997, 2019)}),
    ("kcna-kp-2023-2024.jsonl.gz", {2023: 1, 2024: 16}),
    ("rodong-2021-2022.jsonl.gz", {2021: 6, 2022: 6}),
]

# Second stratum: "activity titles". A key of None in a plan takes the corpus's years together.
SEED_TITLES = 20240604
PLAN_TITLES = [
    ("kcna-co-jp-1997-2018.jsonl.gz", {y: 4 for y in range(1997, 2019)}),
    ("kcna-kp-2023-2024.jsonl.gz", {None: 10}),
    ("rodong-2021-2022.jsonl.gz", {None: 10}),
]
VERB = re.compile(r"\b(inspects|visits|pays (a )?(congratulatory )?visit|gives field guidance|provides field guidance|"
                  r"guides|receives|meets|watches|enjoys|sees|attends|observes|oversees|has photo session|"
                  r"hosts|talks|holds talks|presides|speaks|makes speech|tours|looks round|goes round|"
                  r"calls (at|on)|acquaints himself|appreciates)\b", re.I)


def followed_pattern():
    plain, ambiguous = set(), set()
    for path in glob.glob(os.path.join(ROOT, "src/Tongsin/Analysis/Entities/Gazetteer/people-*.jsonl")):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            o = json.loads(line)
            if not o.get("followed"):
                continue
            amb = set(o.get("ambiguous") or [])
            for name in [o["name"]] + (o.get("aliases") or []):
                (ambiguous if name in amb else plain).add(name)
    alts = [re.escape(n) for n in sorted(plain, key=len, reverse=True)]
    alts += [r"Premier\s+" + re.escape(n) for n in sorted(ambiguous, key=len, reverse=True)]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b")


def candidates(corpus, wanted):
    """The (year, url, published, title) of the corpus's English records with a body that wanted(rec)
    accepts, a URL once (its first version), in corpus order."""
    seen = set()
    with gzip.open(os.path.join(CORPORA, corpus), "rt", encoding="utf-8", errors="replace") as f:
        for line in f:
            rec = json.loads(line)
            if rec["url"] in seen:
                continue
            seen.add(rec["url"])
            if not text(rec).strip() or not english(rec) or not wanted(rec):
                continue
            date = published(rec)
            year = int(date[:4]) if date[:4].isdigit() else None
            yield year, rec["url"], date, rec.get("title", "")


def draw(plan, seed, wanted, stratum, skip=frozenset()):
    rng = random.Random(seed)
    picked = []
    for corpus, per_year in plan:
        strata = {}
        for year, url, date, title in candidates(corpus, wanted):
            if (corpus, url) in skip:
                continue
            key = None if None in per_year else year
            if key in per_year:
                strata.setdefault(key, []).append((url, date, title))
        for key in sorted(per_year, key=lambda k: -1 if k is None else k):
            pool = strata.get(key, [])
            for url, date, title in rng.sample(pool, min(per_year[key], len(pool))):
                picked.append({"corpus": corpus, "url": url, "published": date, "title": title, "stratum": stratum})
    return picked


def main():
    names = followed_pattern()
    first = draw(PLAN, SEED, lambda rec: names.search((rec.get("title") or "") + "\n" + text(rec)), "names")

    def titled(rec):
        title = " ".join((rec.get("title") or "").split())
        return any(not re.match(r"['’]s\b", title[m.end():]) and VERB.search(title, m.end())
                   for m in names.finditer(title))

    second = draw(PLAN_TITLES, SEED_TITLES, titled, "activity titles", {(p["corpus"], p["url"]) for p in first})
    for p in first + second:
        print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
