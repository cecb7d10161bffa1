#!/usr/bin/env python3
"""Check gold.jsonl against the .txt files (schema: /work/shared/corpus/SCHEMA.md)."""
import json, os, re, sys
D = os.path.dirname(os.path.abspath(__file__))
TYPES = {"review", "promotion", "joint", "study", "democratic_life", "congress", "other"}
KEYS = ["id", "url", "lang", "title", "published", "meeting_date", "period_year", "org", "meeting_type",
        "attendance", "people", "speaker", "requirements", "key_phrases", "notes"]
errs = []
ids = []
for n, line in enumerate(open(os.path.join(D, "gold.jsonl"), encoding="utf-8"), 1):
    r = json.loads(line)
    i = r.get("id"); ids.append(i)
    def e(msg): errs.append(f"{i}: {msg}")
    if list(r.keys()) != KEYS: e(f"keys {list(r.keys())}")
    p = os.path.join(D, f"{i}.txt")
    if not os.path.exists(p): e("missing txt"); continue
    t = open(p, encoding="utf-8").read()
    if r["lang"] not in ("zh", "en", "mixed"): e("lang")
    if r["meeting_type"] not in TYPES: e("meeting_type")
    if r["title"] is not None and t.split("\n", 1)[0] != r["title"]: e("title is not line 1")
    if r["published"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", r["published"]): e("published fmt")
    md = r["meeting_date"]
    if md is not None and not re.fullmatch(r"(\d{4}|-)-\d\d-\d\d", md): e("meeting_date fmt")
    for k in ("period_year", "attendance"):
        if r[k] is not None and not isinstance(r[k], int): e(k)
    for req in r["requirements"]:
        if req not in t: e(f"requirement not substring: {req[:40]}")
    if not 3 <= len(r["key_phrases"]) <= 10: e("key_phrases count")
    for k in r["key_phrases"]:
        if k not in t: e(f"key_phrase not substring: {k}")
    names = [x["name"] for x in r["people"]]
    if len(names) != len(set(names)): e("duplicate person")
    for x in r["people"]:
        if x["name"] not in t: e(f"person not in text: {x['name']}")
        for ro in x["roles"]:
            if ro not in t: e(f"role not in text: {ro}")
    if r["speaker"] is not None and r["speaker"] not in names: e("speaker not in people")
    if r["org"] is not None and r["org"] not in t: e("org not in text")
txts = {f[:-4] for f in os.listdir(D) if f.endswith(".txt")}
if txts != set(ids): errs.append(f"file/id mismatch: {txts ^ set(ids)}")
if len(ids) != len(set(ids)): errs.append("duplicate ids")
print("\n".join(errs) or f"OK: {len(ids)} records")
sys.exit(1 if errs else 0)
