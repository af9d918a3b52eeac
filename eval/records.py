"""What every judged sample's scripts read of a corpus record: its day, its text, whether it is English."""
import re

EN = {"the", "of", "and", "to", "in", "is", "was", "with", "for"}
ES = {"de", "la", "el", "los", "las", "y", "que", "en", "del", "con", "por"}


def published(rec):
    """The record's day: its own, else the one in a Rodong Sinmun address, else when it was first seen."""
    if rec.get("published"):
        return rec["published"][:10]
    m = re.search(r"newsID=(\d{4}-\d{2}-\d{2})", rec["url"])
    return m.group(1) if m else (rec.get("first_seen") or "")[:10]


def text(rec):
    """The body as one text: the corpora keep it as a body or as paragraphs."""
    if "body" in rec:
        return rec["body"] or ""
    return "\n".join(rec.get("paragraphs") or [])


def english(rec):
    """Marked English, and more English small words than Spanish ones (the 1997-2018 corpus mixes in Spanish pages)."""
    if rec.get("language_hint", "en") != "en":
        return False
    words = re.findall(r"[a-z]+", text(rec).lower())
    return sum(w in EN for w in words) > sum(w in ES for w in words)
