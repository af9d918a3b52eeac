#!/usr/bin/env python3
"""Check eval/rhetoric/sample.jsonl against docs/rhetoric.md: every line has the fields of the format
(corpus, url, published, sentence, hash, target, hostile); the target is a slug of the gazetteer;
the URL is in its corpus (its first version, as select.py reads it) with that publication date;
the sentence at that position, split by the rules (select.py's splitting), has that hash and names
the target; no (url, sentence, target) twice.

    python3 eval/rhetoric/validate.py [sample.jsonl] [corpora-dir]

Prints the counts and the share judged hostile per target and period, and exits non-zero on any
error.
"""
import collections
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "sample.jsonl")
CORPORA = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "corpora")
FIELDS = {"corpus", "url", "published", "sentence", "hash", "target", "hostile"}

_spec = importlib.util.spec_from_file_location("rhetoric_select", os.path.join(HERE, "select.py"))
sel = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sel)


def share(c):
    return f"{c['hostile']}/{c['all']} ({100 * c['hostile'] / c['all']:.0f}%)" if c["all"] else "0/0"


def main():
    slugs = sel.gazetteer()
    errors = []
    lines = [json.loads(l) for l in open(SAMPLE, encoding="utf-8") if l.strip()]
    wanted = collections.defaultdict(list)
    seen = set()
    for n, rec in enumerate(lines, 1):
        where = f"line {n}"
        if set(rec) != FIELDS:
            errors.append(f"{where}: fields {sorted(rec)}")
            continue
        if rec["target"] not in slugs:
            errors.append(f"{where}: target {rec['target']!r} is not a slug of the gazetteer")
        if not isinstance(rec["hostile"], bool):
            errors.append(f"{where}: hostile must be true or false")
        if not isinstance(rec["sentence"], int) or rec["sentence"] < 0:
            errors.append(f"{where}: sentence must be a position")
        if not (isinstance(rec["hash"], str) and len(rec["hash"]) == 8 and all(c in "0123456789abcdef" for c in rec["hash"])):
            errors.append(f"{where}: hash must be 8 lower-case hexadecimal digits")
        key = (rec["corpus"], rec["url"], rec["sentence"], rec["target"])
        if key in seen:
            errors.append(f"{where}: sentence and target twice")
        seen.add(key)
        wanted[rec["corpus"]].append((where, rec))
    patterns = sel.target_patterns(sorted({r["target"] for _, rs in wanted.items() for _, r in rs} & set(slugs)))
    for corpus, recs in wanted.items():
        path = os.path.join(CORPORA, corpus)
        if not os.path.exists(path):
            errors.append(f"corpus {corpus} not found in {CORPORA}")
            continue
        urls = {r["url"] for _, r in recs}
        articles = {}
        for article in sel.records(CORPORA, corpus):
            if article["url"] in urls:
                articles[article["url"]] = article
        for where, rec in recs:
            article = articles.get(rec["url"])
            if article is None:
                errors.append(f"{where}: {rec['url']} not in {corpus} (as an English record with a body)")
                continue
            if sel.published(article) != rec["published"]:
                errors.append(f"{where}: published {rec['published']}, the corpus says {sel.published(article)}")
            sentences = sel.sentences(article, corpus)
            if not isinstance(rec["sentence"], int) or rec["sentence"] >= len(sentences):
                errors.append(f"{where}: no sentence {rec['sentence']} (the article has {len(sentences)})")
                continue
            text = sentences[rec["sentence"]]
            if sel.sentence_hash(text) != rec["hash"]:
                errors.append(f"{where}: sentence {rec['sentence']} has hash {sel.sentence_hash(text)}, not {rec['hash']}")
            elif rec["target"] in patterns and not sel.names(patterns[rec["target"]], rec["target"], text):
                errors.append(f"{where}: sentence {rec['sentence']} does not name {rec['target']}")
    for e in errors:
        print(e)
    per = collections.defaultdict(collections.Counter)
    for rec in lines:
        if set(rec) != FIELDS:
            continue
        period = sel.period(rec["corpus"], rec["published"]) or "?"
        for key in [(rec["target"], period), (rec["target"], "all"), ("all", period), ("all", "all"),
                    ("all", "crises" if period in sel.CRISIS else "others")]:
            per[key]["all"] += 1
            per[key]["hostile"] += rec["hostile"] is True
    print(f"{len(lines)} sentences, {share(per['all', 'all'])} judged hostile")
    targets = [t for t in dict.fromkeys(t for t, _, _ in sel.PLAN)]
    for target in targets:
        cells = [f"{p} {share(per[target, p])}" for p in sel.PERIODS if per[target, p]["all"]]
        print(f"  {target}: {share(per[target, 'all'])}; " + "; ".join(cells))
    print("  per period: " + "; ".join(f"{p} {share(per['all', p])}" for p in sel.PERIODS))
    print(f"  crises {share(per['all', 'crises'])}; others {share(per['all', 'others'])}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
