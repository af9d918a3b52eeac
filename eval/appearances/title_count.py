#!/usr/bin/env python3
"""A rough title count, not a judged figure: for each year of the kcna-co-jp corpus, how many English
articles (a URL once) have a title naming Kim Jong Il or Kim Jong Un together with a verb of
activity (inspects, visits, gives field guidance, receives, meets, watches, attends, ...), leaving
out titles about what was sent or received by message (gift, floral basket, message, letter,
greetings, congratulations, condolences, thanks, wreath, reply, birthday, anniversary, praised,
lauded). A rough ceiling on the reports of
activities that name the leader in their title; reprints, reports of one activity in several
articles and titles that do not name him are not told apart.

    python3 eval/appearances/title_count.py [corpora-dir]
"""
import collections
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPORA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpora")
CORPUS = "kcna-co-jp-1997-2018.jsonl.gz"
LEADER = re.compile(r"\bKim\s+Jong[\s-]+(Il|Un)\b", re.I)
VERB = re.compile(r"\b(inspect(s|ed)?|visit(s|ed)?|gives? field guidance|gave field guidance|guides?|guided|"
                  r"receives?|received|meets?|met|watch(es|ed)?|enjoys?|enjoyed|attends?|attended|"
                  r"observes?|observed|oversees?|oversaw|has photo session|had photo session|"
                  r"hosts?|hosted|talks? with|presides?|presided|speaks?|spoke|makes? speech|"
                  r"tours?|toured|looks? round|goes round|calls? at|acquaints? himself)\b", re.I)
SENT = re.compile(r"\b(gift|floral|basket|message|letter|greeting|congratulat|condolence|thanks|wreath|"
                  r"reply|birthday|anniversary|praised|lauded)", re.I)

EN = {"the", "of", "and", "to", "in", "is", "was", "with", "for"}
ES = {"de", "la", "el", "los", "las", "y", "que", "en", "del", "con", "por"}


def english(rec):
    """As in select.py: language_hint "en" and more English than Spanish function words."""
    if rec.get("language_hint", "en") != "en":
        return False
    words = re.findall(r"[a-z]+", (rec.get("body") or "").lower())
    return sum(w in EN for w in words) > sum(w in ES for w in words)


def main():
    per_year, seen = collections.Counter(), set()
    with gzip.open(os.path.join(CORPORA, CORPUS), "rt", encoding="utf-8", errors="replace") as f:
        for line in f:
            rec = json.loads(line)
            if rec["url"] in seen:
                continue
            seen.add(rec["url"])
            title = " ".join((rec.get("title") or "").split())
            if not (rec.get("body") or "").strip() or not english(rec) or not LEADER.search(title) or not VERB.search(title) or SENT.search(title):
                continue
            per_year[(rec.get("published") or "")[:4]] += 1
    for year in sorted(per_year):
        print(year, per_year[year])
    print("total", sum(per_year.values()))


if __name__ == "__main__":
    main()
