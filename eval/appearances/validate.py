#!/usr/bin/env python3
"""Check eval/appearances/sample.jsonl against docs/appearances.md: every line has the fields of the
format, and a stratum that select.py knows ("names" or "activity titles"); every person is a slug of the gazetteer marked "followed": true; every date is a real day
(and not after the article's publication); date_basis, activity and kind are from the rules' lists;
place is a non-empty string and companions a list of names; no article twice; every URL is in its
corpus, with the title of one of its versions there; and nothing longer than a title is copied
from the article's text (a place or companion that runs to more than 12 words is refused).

    python3 eval/appearances/validate.py [sample.jsonl] [corpora-dir]

Prints the counts (articles, with and without appearances, records, companions, kinds, people),
in all and per stratum, and exits non-zero on any error.
"""
import collections
import datetime
import glob
import gzip
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "sample.jsonl")
CORPORA = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "corpora")
FIELDS = {"corpus", "url", "published", "title", "stratum", "appearances"}
STRATA = ("names", "activity titles")
RECORD = {"person", "date", "date_basis", "activity", "kind", "place", "companions"}
BASES = {"stated", "dateline", "recently", "published"}
ACTIVITIES = {"inspected", "gave field guidance", "visited", "attended", "watched", "received", "met",
              "talked with", "presided over", "spoke at", "hosted", "had a photo session"}
KINDS = {"military", "economic", "political", "diplomatic", "social and cultural"}
MAX_WORDS = 12


def followed():
    people = {}
    for path in glob.glob(os.path.join(ROOT, "src/Tongsin/Analysis/Entities/Gazetteer/people-*.jsonl")):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                o = json.loads(line)
                people[o["slug"]] = bool(o.get("followed"))
    return people


def day(s):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def main():
    people = followed()
    errors = []
    records = [json.loads(l) for l in open(SAMPLE, encoding="utf-8") if l.strip()]
    wanted = collections.defaultdict(dict)
    seen = set()
    counts = collections.Counter()
    kinds, persons, corpora = collections.Counter(), collections.Counter(), collections.Counter()
    strata = {s: collections.Counter() for s in STRATA}
    for n, rec in enumerate(records, 1):
        where = f"line {n}"
        if set(rec) != FIELDS:
            errors.append(f"{where}: fields {sorted(rec)}")
            continue
        if rec["stratum"] not in STRATA:
            errors.append(f"{where}: stratum {rec['stratum']!r}")
            continue
        stratum = strata[rec["stratum"]]
        stratum["articles"] += 1
        stratum["with" if rec["appearances"] else "without"] += 1
        if (rec["corpus"], rec["url"]) in seen:
            errors.append(f"{where}: article twice")
        seen.add((rec["corpus"], rec["url"]))
        wanted[rec["corpus"]][rec["url"]] = (where, rec["title"])
        published = day(rec["published"])
        if published is None:
            errors.append(f"{where}: published {rec['published']!r} is not a day")
        corpora[rec["stratum"], rec["corpus"], bool(rec["appearances"])] += 1
        counts["with" if rec["appearances"] else "without"] += 1
        for r in rec["appearances"]:
            if not isinstance(r, dict) or set(r) != RECORD:
                errors.append(f"{where}: bad record {r}")
                continue
            if r["person"] not in people:
                errors.append(f"{where}: {r['person']} is not in the gazetteer")
            elif not people[r["person"]]:
                errors.append(f"{where}: {r['person']} is not followed")
            d = day(r["date"])
            if d is None:
                errors.append(f"{where}: date {r['date']!r} is not a day")
            elif published and d > published:
                errors.append(f"{where}: date {r['date']} after publication {rec['published']}")
            elif published and (published - d).days > 31:
                errors.append(f"{where}: date {r['date']} more than a month before publication")
            if r["date_basis"] not in BASES:
                errors.append(f"{where}: date_basis {r['date_basis']!r}")
            if r["activity"] not in ACTIVITIES:
                errors.append(f"{where}: activity {r['activity']!r}")
            if r["kind"] not in KINDS:
                errors.append(f"{where}: kind {r['kind']!r}")
            if not isinstance(r["place"], str) or not r["place"].strip():
                errors.append(f"{where}: empty place")
            elif len(r["place"].split()) > MAX_WORDS:
                errors.append(f"{where}: place longer than a name: {r['place'][:40]}...")
            if not isinstance(r["companions"], list) or not all(isinstance(c, str) and c.strip() for c in r["companions"]):
                errors.append(f"{where}: companions must be a list of names")
            else:
                if len(set(r["companions"])) != len(r["companions"]):
                    errors.append(f"{where}: a companion twice")
                for c in r["companions"]:
                    if len(c.split()) > 5:
                        errors.append(f"{where}: companion longer than a name: {c[:40]}")
                counts["companions"] += len(r["companions"])
                stratum["companions"] += len(r["companions"])
            counts["records"] += 1
            stratum["records"] += 1
            stratum["kind " + r["kind"]] += 1
            kinds[r["kind"]] += 1
            persons[r["person"]] += 1
    for corpus, urls in wanted.items():
        found = {}
        path = os.path.join(CORPORA, corpus)
        if not os.path.exists(path):
            errors.append(f"corpus {corpus} not found in {CORPORA}")
            continue
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            for line in f:
                rec = json.loads(line)
                if rec["url"] in urls:
                    found.setdefault(rec["url"], set()).add((rec.get("title") or "").strip())
        for url, (where, title) in urls.items():
            if url not in found:
                errors.append(f"{where}: {url} not in {corpus}")
            elif title.strip() not in found[url]:
                errors.append(f"{where}: title is not that of a version of the article in the corpus")
    for e in errors:
        print(e)
    print(f"{len(records)} articles: {counts['with']} with appearances, {counts['without']} without; "
          f"{counts['records']} records, {counts['companions']} companions")
    for name in STRATA:
        c = strata[name]
        print(f"stratum {name!r}: {c['articles']} articles: {c['with']} with appearances, {c['without']} without; "
              f"{c['records']} records, {c['companions']} companions; kinds: "
              + ", ".join(f"{k} {c['kind ' + k]}" for k in sorted(KINDS)))
        for corpus in sorted({c for s, c, _ in corpora if s == name}):
            print(f"  {corpus}: {corpora[name, corpus, True] + corpora[name, corpus, False]} articles, "
                  f"{corpora[name, corpus, True]} with appearances")
    print("kinds:", ", ".join(f"{k} {kinds[k]}" for k in sorted(KINDS)))
    print("people:", ", ".join(f"{p} {c}" for p, c in persons.most_common()))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
