#!/usr/bin/env python3
"""Check eval/mentions/sample.jsonl: every line has the fields of docs/mentions.md; every slug is in
the gazetteer with the kind given (and a null slug has a name); no (kind, slug or name) twice in an
article; every URL is in its corpus, with the title of one of its versions there; no article twice.

    python3 eval/mentions/validate.py [sample.jsonl] [corpora-dir]
"""
import collections
import glob
import gzip
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "sample.jsonl")
CORPORA = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "corpora")
KINDS = {"person", "country", "organisation"}
FIELDS = {"corpus", "url", "published", "title", "mentions"}


def gazetteer():
    kinds = {}
    for path in glob.glob(os.path.join(ROOT, "src/Tongsin/Analysis/Entities/Gazetteer/*.jsonl")):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                o = json.loads(line)
                kinds[o["slug"]] = o["kind"]
    return kinds


def main():
    kinds = gazetteer()
    errors = []
    records = [json.loads(l) for l in open(SAMPLE, encoding="utf-8") if l.strip()]
    wanted = collections.defaultdict(dict)
    seen_urls = set()
    pairs = collections.Counter()
    for n, rec in enumerate(records, 1):
        where = f"line {n}"
        if set(rec) != FIELDS:
            errors.append(f"{where}: fields {sorted(rec)}")
        if (rec["corpus"], rec["url"]) in seen_urls:
            errors.append(f"{where}: article twice")
        seen_urls.add((rec["corpus"], rec["url"]))
        wanted[rec["corpus"]][rec["url"]] = (where, rec["title"])
        keys = set()
        for m in rec["mentions"]:
            if set(m) != {"kind", "slug", "name"} or m["kind"] not in KINDS or not m["name"]:
                errors.append(f"{where}: bad mention {m}")
                continue
            if m["slug"] is not None and kinds.get(m["slug"]) != m["kind"]:
                errors.append(f"{where}: slug {m['slug']} is not a {m['kind']} of the gazetteer")
            key = (m["kind"], m["slug"] or "name:" + m["name"].casefold())
            if key in keys:
                errors.append(f"{where}: {key} twice")
            keys.add(key)
            pairs[m["kind"], m["slug"] is not None] += 1
    for corpus, urls in wanted.items():
        found = {}
        with gzip.open(os.path.join(CORPORA, corpus), "rt", encoding="utf-8", errors="replace") as f:
            for line in f:
                rec = json.loads(line)
                if rec["url"] in urls:
                    found.setdefault(rec["url"], set()).add((rec.get("title") or "").strip())
        for url, (where, title) in urls.items():
            if url not in found:
                errors.append(f"{where}: {url} not in {corpus}")
            elif title not in found[url]:
                errors.append(f"{where}: title is not that of a version of the article in the corpus")
    for e in errors:
        print(e)
    print(f"{len(records)} articles, {sum(pairs.values())} pairs:",
          ", ".join(f"{k} {pairs[k, True] + pairs[k, False]} ({pairs[k, True]} with a slug)" for k in sorted(KINDS)))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
