#!/usr/bin/env python3
"""Choose the sentences of the judged rhetoric sample, reproducibly.

Every English article of the three corpora is split into sentences by the rules of
docs/rhetoric.md ("Sentences", and the decisions at the end of that file): the title is sentence 0,
the body's sentences follow from 1, the dateline and the heading lines that repeat the title are
left out. A sentence names a target when it holds one of the target's spellings in the gazetteer
(its name or an alias, adjectives included: "U.S.", "south Korean", "Japanese"), matched with case
and at word boundaries; "Latin American", "South American", "Central American" and "North
American" do not name the United States, nor "Republic of Korea" within "Democratic People's
Republic of Korea" South Korea.

Strata: (target, period), with the counts of PLAN. Periods: "2013-03..04" and "2017-08..09" (the
crises), "2018" (the summits), "1997-2017 other" (the rest of the kcna-co-jp file before 2018),
"2021-2024" (rodong and kcna-kp together). Within a stratum the candidate sentences are listed in
corpus order and shuffled with random.Random(SEED), the strata taken in the order of PLAN; a
sentence is taken unless its article already gave one to the sample (one sentence an article).
Nothing is filtered on what the sentence says.

Records with an empty body are skipped, a URL counts once (its first version), and so are the
Spanish pages of the kcna-co-jp file (a record counts as English when its language_hint is "en"
and its text has more English than Spanish function words).

Prints one line per sentence: corpus, url, published, sentence, hash, target, period. With
--text, the sentence and its article's title follow on the line (for reading; never stored).

    python3 eval/rhetoric/select.py [corpora-dir] [--text]
"""
import glob
import gzip
import hashlib
import html
import json
import os
import random
import re
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from records import english, published  # noqa: E402
from records import text as raw_text  # noqa: E402

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GAZETTEER = os.path.join(ROOT, "src/Tongsin/Analysis/Entities/Gazetteer")
CORPORA_FILES = ["kcna-co-jp-1997-2018.jsonl.gz", "kcna-kp-2023-2024.jsonl.gz", "rodong-2021-2022.jsonl.gz"]

CRISIS = ("2013-03..04", "2017-08..09")
PERIODS = CRISIS + ("2018", "1997-2017 other", "2021-2024")

# (target, period): sentences. About half from the crises.
PLAN = [
    ("united-states", "2013-03..04", 24), ("united-states", "2017-08..09", 24),
    ("united-states", "2018", 10), ("united-states", "1997-2017 other", 17), ("united-states", "2021-2024", 10),
    ("south-korea", "2013-03..04", 18), ("south-korea", "2017-08..09", 18),
    ("south-korea", "2018", 10), ("south-korea", "1997-2017 other", 17), ("south-korea", "2021-2024", 12),
    ("japan", "2013-03..04", 10), ("japan", "2017-08..09", 10),
    ("japan", "2018", 6), ("japan", "1997-2017 other", 12), ("japan", "2021-2024", 6),
    ("barack-obama", "2013-03..04", 4), ("donald-trump", "2017-08..09", 6), ("shinzo-abe", "2017-08..09", 4),
    ("park-geun-hye", "2017-08..09", 4),
    ("lee-myung-bak", "1997-2017 other", 6), ("donald-trump", "2018", 4), ("moon-jae-in", "2018", 4),
    ("yoon-suk-yeol", "2021-2024", 6),
]
NOT_US = re.compile(r"(?:Latin|South|Central|North)\s+$")
NOT_SK = re.compile(r"People['’]s\s+(?:the\s+)?$")


# --- articles -------------------------------------------------------------------------------


def records(corpora, corpus):
    """The corpus's English records with a body, a URL once (its first version), in corpus order."""
    seen = set()
    with gzip.open(os.path.join(corpora, corpus), "rt", encoding="utf-8", errors="replace") as f:
        for line in f:
            rec = json.loads(line)
            if rec["url"] in seen:
                continue
            seen.add(rec["url"])
            if raw_text(rec).strip() and english(rec):
                yield rec


# --- sentences (docs/rhetoric.md, "Sentences") -------------------------------------------------

DATELINE = re.compile(r"^\s*[A-Z][^()\n]{0,80}?\(\s*[A-Za-z][A-Za-z -]{0,30}\)\s*-{2,}\s*")
ABBREVIATIONS = ("U.S.", "U.N.", "Mr.", "Dr.", "St.", "No.", "D.P.R.K.", "Jan.", "Feb.", "Mar.", "Apr.",
                 "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.")
ABBREVIATION = re.compile(r"(?:(?<![A-Za-z.])(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")"
                          r"|(?<![A-Za-z])[A-Z]\.)$")
END = re.compile(r"[.!?][\"”’')]*(?=\s+[A-Z\"“‘'])")


def collapse(s):
    return " ".join(s.split())


def paragraphs(rec, corpus):
    """The body's paragraphs, the heading and the dateline left out."""
    body = raw_text(rec)
    if corpus.startswith("kcna-co-jp"):
        lines = html.unescape(body).split("\n")
        filled = [i for i, line in enumerate(lines) if line.strip()]
        # The heading: the lines before the dateline (the title repeated, wire codes); without a
        # dateline among the first four lines, a first line that repeats the title.
        at = next((i for i in filled[:4] if DATELINE.match(lines[i].strip())), None)
        if at is not None:
            lines = lines[at:]
        elif filled and collapse(lines[filled[0]]).casefold() == collapse(rec.get("title") or "").casefold():
            lines = lines[filled[0] + 1:]
        # A line that begins without indentation continues the line before it, when that one is not
        # blank (the hard-wrapped pages); the heading is cut first.
        joined = []
        for i, line in enumerate(lines):
            if joined and line.strip() and not line[0].isspace() and i > 0 and lines[i - 1].strip():
                joined[-1] += " " + line
            else:
                joined.append(line)
        paras = [collapse(p) for p in joined if p.strip()]
    else:
        paras = [collapse(html.unescape(p)) for p in body.split("\n") if p.strip()]
    if paras:
        paras[0] = DATELINE.sub("", paras[0], count=1)
    return [p for p in paras if p]


def split(paragraph):
    out, start = [], 0
    for m in END.finditer(paragraph):
        if paragraph[m.start()] == "." and ABBREVIATION.search(paragraph[:m.start() + 1]):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def sentences(rec, corpus):
    """The article's sentences: the title (0), then the body's."""
    result = [collapse(rec.get("title") or "")]
    for p in paragraphs(rec, corpus):
        result.extend(split(p))
    return result


def sentence_hash(s):
    return hashlib.sha256(collapse(s).lower().encode("utf-8")).hexdigest()[:8]


# --- targets ----------------------------------------------------------------------------------

def gazetteer():
    entries = {}
    for path in glob.glob(os.path.join(GAZETTEER, "*.jsonl")):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                o = json.loads(line)
                entries[o["slug"]] = o
    return entries


def target_patterns(slugs):
    g = gazetteer()
    patterns = {}
    for slug in slugs:
        names = [n for n in [g[slug]["name"]] + (g[slug].get("aliases") or []) if re.search(r"[A-Za-z]", n)]
        alts = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
        patterns[slug] = re.compile(r"(?<![A-Za-z0-9])(?:" + alts + r")(?![A-Za-z0-9])")
    return patterns


def names(pattern, slug, sentence):
    for m in pattern.finditer(sentence):
        if slug == "united-states" and m.group().startswith("American") and NOT_US.search(sentence[:m.start()]):
            continue
        if slug == "south-korea" and "Republic" in m.group() and NOT_SK.search(sentence[:m.start()]):
            continue
        return True
    return False


def period(corpus, date):
    if not corpus.startswith("kcna-co-jp"):
        return "2021-2024" if date[:4] in ("2021", "2022", "2023", "2024") else None
    month = date[:7]
    if month in ("2013-03", "2013-04"):
        return "2013-03..04"
    if month in ("2017-08", "2017-09"):
        return "2017-08..09"
    if date[:4] == "2018":
        return "2018"
    if "1997" <= date[:4] <= "2017":
        return "1997-2017 other"
    return None


def candidates(corpora):
    """{(target, period): [(corpus, url, published, position, hash, title, text)]} in corpus order."""
    slugs = sorted({t for t, _, _ in PLAN})
    patterns = target_patterns(slugs)
    wanted = {(t, p) for t, p, _ in PLAN}
    found = {}
    for corpus in CORPORA_FILES:
        for rec in records(corpora, corpus):
            date = published(rec)
            per = period(corpus, date)
            if per is None:
                continue
            slugs_here = [s for s in slugs if (s, per) in wanted]
            whole = (rec.get("title") or "") + "\n" + raw_text(rec)
            slugs_here = [s for s in slugs_here if patterns[s].search(whole)]
            if not slugs_here:
                continue
            for pos, s in enumerate(sentences(rec, corpus)):
                for slug in slugs_here:
                    if names(patterns[slug], slug, s):
                        found.setdefault((slug, per), []).append(
                            (corpus, rec["url"], date, pos, sentence_hash(s), rec.get("title") or "", s))
    return found


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    corpora = args[0] if args else os.path.join(ROOT, "..", "shared", "corpora")
    show = "--text" in sys.argv
    found = candidates(corpora)
    rng = random.Random(SEED)
    used = set()
    for target, per, count in PLAN:
        pool = list(found.get((target, per), []))
        rng.shuffle(pool)
        taken = 0
        for corpus, url, date, pos, h, title, s in pool:
            if taken == count:
                break
            if (corpus, url) in used:
                continue
            used.add((corpus, url))
            taken += 1
            line = {"corpus": corpus, "url": url, "published": date, "sentence": pos, "hash": h,
                    "target": target, "period": per}
            if show:
                line["title"] = collapse(title)
                line["text"] = s
            print(json.dumps(line, ensure_ascii=False))
        if taken < count:
            print(f"# {target} {per}: {taken} of {count} ({len(pool)} candidates)", file=sys.stderr)


if __name__ == "__main__":
    main()
