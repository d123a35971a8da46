#!/usr/bin/python3
"""Generate data/lexicon/officials.json for kgex: named officials with dated posts.

Inputs:
  * data/lexicon/src/petrarch2/Phoenix.Countries.actors.txt: the country
    actor dictionary of PETRARCH2 (openeventdata/petrarch2, MIT licence,
    from the CountryInfo file of January 2014): about 10,000 people with
    their spellings and dated CAMEO roles ([RUSGOV 991231-080507]). Every
    role in government (GOV), the armed forces (MIL), the legislature or
    the judiciary that reaches 2000 or later is kept; elite and opposition
    roles (ELI, OPP) are not posts. A role the source leaves open (">080508")
    ends at the source's date, 2014-01-30: the source says nothing later.
    The title is the one office title the person's spellings carry
    ("PRESIDENT_VLADIMIR_PUTIN_" -> President) when there is exactly one,
    else the CAMEO sector ("Government official", "Government official
    (health)").
  * data/lexicon/src/officials_extra.json (hand-kept, from public lists
    of office holders): heads of state and government, foreign and defence
    ministers of states in the news since 2014, and the heads of the major
    organizations, with exact dates. A person listed there keeps only the
    hand-kept roles for the states and organizations it names.

Aliases are full-name spellings (two words or more, no title), never a bare
surname: the engine derives surname use itself. People whose names give the
same person id (the slug of the name) are one entry.

Output: data/lexicon/officials.json (committed; the build does not run Python).
Usage: /usr/bin/python3 tools/gen_officials.py [--check]
Stdlib only.
"""

import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LEX = os.path.join(ROOT, "data", "lexicon")
SRC = os.path.join(LEX, "src")
OUT = os.path.join(LEX, "officials.json")
SOURCE_DATE = "2014-01-30"

# CAMEO country codes that are not the lexicon's ids.
CODE_MAP = {"KSV": "XKX", "TMP": "TLS", "USR": "SUN", "FRY": "YUG", "ROM": "ROU", "ZAR": "COD"}
SECTORS = {"GOV": "Government official", "MIL": "Military officer", "LEG": "Legislator",
           "JUD": "Judge"}
SUBSECTORS = {"AGR": "agriculture", "BUS": "economy", "MED": "information", "EDU": "education",
              "MIL": "defence", "HLH": "health", "DEV": "development", "JUD": "justice",
              "LAB": "labour", "ENV": "environment", "HRI": "human rights", "LEG": "legislature",
              "REL": "religious affairs", "COP": "interior", "REF": "refugees",
              "SPY": "intelligence"}
# Office titles as they open a spelling, longest first.
TITLES = [("PRIME_MINISTER", "Prime Minister"), ("VICE_PRESIDENT", "Vice President"),
          ("FOREIGN_MINISTER", "Foreign Minister"), ("DEFENSE_MINISTER", "Defence Minister"),
          ("DEFENCE_MINISTER", "Defence Minister"), ("PRESIDENT", "President"),
          ("CHANCELLOR", "Chancellor"), ("KING", "King"), ("QUEEN", "Queen"), ("EMIR", "Emir"),
          ("SULTAN", "Sultan"), ("PREMIER", "Premier")]
TITLE_WORDS = {"PRESIDENT", "PRIME", "MINISTER", "KING", "QUEEN", "EMIR", "SULTAN", "CHANCELLOR",
               "PREMIER", "GENERAL", "GEN.", "MR.", "MRS.", "DR.", "SHEIKH", "PRINCE", "CROWN",
               "FOREIGN", "DEFENSE", "DEFENCE", "VICE", "SECRETARY", "ADMIRAL", "COLONEL",
               "MARSHAL", "SENATOR", "AMBASSADOR", "GOVERNOR", "MAYOR", "DEPUTY", "CHIEF",
               "FORMER", "THE", "SPEAKER", "JUDGE", "JUSTICE", "LT.", "COL.", "MAJ."}
PARTICLES = {"AL", "EL", "BIN", "BEN", "DE", "DA", "DI", "DOS", "DAS", "DEL", "LA", "LE", "VAN",
             "VON", "DER", "DEN", "DU", "UL", "UD", "IBN", "ABU", "Y"}


def die(msg):
    sys.stderr.write("gen_officials: error: %s\n" % msg)
    sys.exit(1)


def slug(name):
    """The person-id slug (kgex__slugify in src/extract/extract.c)."""
    out, dash = [], False
    for b in name.encode("utf-8"):
        ch = chr(b)
        if ch.isascii() and ch.isalnum():
            if dash and out:
                out.append("-")
            out.append(ch.lower())
            dash = False
        elif b >= 0x80:
            if dash and out:
                out.append("-")
            out.append("%02x" % b)
            dash = False
        elif ch not in "'.":
            dash = True
    return "".join(out)


def pretty(tok):
    """'PUTIN' -> 'Putin', 'BAN_KI-MOON' parts -> 'Ki-Moon', 'AL' -> 'al',
    'MCDONALD' -> 'McDonald'."""
    def word(w):
        if not w:
            return w
        if w in PARTICLES:
            return w.lower()
        if len(w) == 2 and w.endswith("."):
            return w
        if w.startswith("MC") and len(w) > 3:
            return "Mc" + w[2:].capitalize()
        if w.startswith("O'") and len(w) > 2:
            return "O'" + w[2:].capitalize()
        return w.capitalize()
    return "-".join(word(p) for p in tok.split("-"))


def phrase(raw):
    toks = [t for t in raw.strip().strip("_").split("_") if t]
    return toks


ADJECTIVES = set()  # state adjectives and demonyms in capitals ("RUSSIAN")


def full_name(toks):
    """A person's name from tokens, or None if it is not a full name (a
    title or a state adjective in it: "RUSSIAN_PRESIDENT_VLADIMIR_PUTIN")."""
    if len(toks) < 2 or any(t in TITLE_WORDS or t in ADJECTIVES for t in toks):
        return None
    if any(not re.fullmatch(r"[A-Z][A-Z.'\-]*", t) for t in toks):
        return None
    words = [pretty(t) for t in toks]
    words[0] = words[0][0].upper() + words[0][1:]
    name = " ".join(words)
    if len([t for t in toks if t not in PARTICLES]) < 2:
        return None
    return name


def parse_date(s, end):
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        mm, dd = int(s[2:4]), int(s[4:6])
    elif len(s) == 8:
        year, mm, dd = int(s[:4]), int(s[4:6]), int(s[6:8])
    else:
        return None
    if not (1 <= mm <= 12 and 1 <= dd <= 31):
        return None
    return "%04d-%02d-%02d" % (year, mm, dd)


def parse_roles(text):
    """[(code, from, to)] from the bracketed roles of a line."""
    out = []
    for m in re.finditer(r"\[([A-Z]{3,})\s*([^\]]*)\]", text):
        code, rng = m.group(1), m.group(2).strip()
        frm = to = None
        if rng.startswith(">"):
            frm = parse_date(rng[1:], False)
            if frm is None:
                continue
            to = "open"
        elif rng.startswith("<"):
            to = parse_date(rng[1:], True)
            if to is None:
                continue
        elif "-" in rng:
            a, b = rng.split("-", 1)
            frm, to = parse_date(a, False), parse_date(b, True)
            if frm is None or to is None:
                continue
        elif rng:
            continue
        out.append((code, frm, to))
    return out


def read_petrarch(path, states):
    """Yield (name, aliases, roles) per person of the actor file."""
    people = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            body = line.split("#", 1)[0]
            if re.match(r"^[A-Z]", line):
                toks = phrase(body.split("[", 1)[0])
                cur = {"toks": toks, "spellings": [toks], "roles": parse_roles(body)}
                people.append(cur)
            elif line.startswith("+") and cur is not None:
                cur["spellings"].append(phrase(body[1:].split("[", 1)[0]))
                cur["roles"] += parse_roles(body)
            elif line.startswith(("\t", " ")) and cur is not None:
                cur["roles"] += parse_roles(body)
    for p in people:
        name = full_name(p["toks"])
        if not name:
            continue
        titles = set()
        aliases = []
        for sp in p["spellings"]:
            joined = "_".join(sp)
            for key, title in TITLES:
                if joined.startswith(key + "_") or ("_" + key + "_") in ("_" + joined):
                    titles.add(title)
                    break
            a = full_name(sp)
            if a and a != name and a not in aliases:
                aliases.append(a)
        roles = []
        for code, frm, to in p["roles"]:
            cc = CODE_MAP.get(code[:3], code[:3])
            rest = code[3:]
            if cc not in states or not rest:
                continue
            sector, sub = rest[:3], rest[3:6]
            if sector not in SECTORS:
                continue
            if to is None or frm is None:
                continue  # undated: not a dated post
            if to != "open" and to < "2000-01-01":
                continue
            if sector == "GOV" and not sub and len(titles) == 1:
                title = next(iter(titles))
            elif sub in SUBSECTORS:
                title = "%s (%s)" % (SECTORS[sector], SUBSECTORS[sub])
            else:
                title = SECTORS[sector]
            r = {"of": "state/" + cc, "title": title, "from": frm}
            r["to"] = SOURCE_DATE if to == "open" else to
            if r["from"] > r["to"]:
                continue
            if r not in roles:
                roles.append(r)
        if roles:
            yield name, aliases, roles


def build():
    with open(os.path.join(LEX, "states.json"), encoding="utf-8") as fh:
        state_list = json.load(fh)["states"]
    states = {s["id"] for s in state_list}
    for st in state_list:
        for f in ("adjectives", "demonyms"):
            for v in st.get(f, []):
                ADJECTIVES.update(w.upper() for w in v.split())
    with open(os.path.join(LEX, "organizations.json"), encoding="utf-8") as fh:
        orgs = {o["id"] for o in json.load(fh)["organizations"]}
    with open(os.path.join(SRC, "officials_extra.json"), encoding="utf-8") as fh:
        extra = json.load(fh)["officials"]

    people = collections.OrderedDict()  # slug -> entry

    def merge(name, aliases, roles, wikidata=None, replace_of=()):
        s = slug(name)
        e = people.get(s)
        if e is None:
            e = people[s] = {"name": name, "aliases": [], "roles": []}
        if wikidata:
            e["wikidata"] = wikidata
        if replace_of:
            e["roles"] = [r for r in e["roles"] if r["of"] not in replace_of]
        for a in aliases:
            if a != e["name"] and a not in e["aliases"] and slug(a) != s or (
                    a != e["name"] and a not in e["aliases"] and a.lower() != e["name"].lower()):
                if a not in e["aliases"] and a != e["name"]:
                    e["aliases"].append(a)
        for r in roles:
            if r not in e["roles"]:
                e["roles"].append(r)

    for name, aliases, roles in read_petrarch(
            os.path.join(SRC, "petrarch2", "Phoenix.Countries.actors.txt"), states):
        merge(name, aliases, roles)
    for x in extra:
        for r in x["roles"]:
            kind, _, oid = r["of"].partition("/")
            if (kind == "state" and oid not in states) or (kind == "org" and oid not in orgs):
                die("%s: unknown %s" % (x["name"], r["of"]))
        merge(x["name"], x.get("aliases", []), x["roles"], x.get("wikidata"),
              replace_of={r["of"] for r in x["roles"]})
        # the same person under other spellings in the actor file
        # (Zelenskiy, "Dmitr Medvedev" with "Dmitri Medvedev") goes
        mine = {n.lower() for n in [x["name"]] + x.get("aliases", [])}
        for sl in [k for k, e in people.items() if k != slug(x["name"]) and not e.get("hand")]:
            e = people[sl]
            if mine & {n.lower() for n in [e["name"]] + e["aliases"]}:
                del people[sl]
        people[slug(x["name"])]["hand"] = True
    # a spelling of two people names neither
    count = collections.Counter(a.lower() for e in people.values()
                                for a in set([e["name"]] + e["aliases"]))
    for e in people.values():
        e["aliases"] = [a for a in e["aliases"] if count[a.lower()] == 1 or e.get("hand")]
    out = []
    for e in people.values():
        # an alias whose slug is another person's id is that person's name
        e["aliases"] = [a for a in e["aliases"] if slug(a) == slug(e["name"]) or slug(a) not in people]
        o = {"name": e["name"]}
        if e["aliases"]:
            o["aliases"] = e["aliases"]
        if e.get("wikidata"):
            o["wikidata"] = e["wikidata"]
        o["roles"] = sorted(e["roles"], key=lambda r: (r.get("from", ""), r["of"], r["title"]))
        out.append(o)
    out.sort(key=lambda o: slug(o["name"]))
    return out


def dump(officials):
    body = ",\n".join("    " + json.dumps(o, ensure_ascii=False, separators=(", ", ": "))
                      for o in officials)
    return '{\n  "kgex_lexicon": 1,\n  "officials": [\n' + body + "\n  ]\n}\n"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if --out is out of date")
    args = ap.parse_args(argv)
    officials = build()
    text = dump(officials)
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as fh:
                current = fh.read()
        except OSError:
            current = None
        if current != text:
            sys.stderr.write("gen_officials: %s is out of date\n" % args.out)
            return 1
        return 0
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, args.out)
    roles = sum(len(o["roles"]) for o in officials)
    sys.stderr.write("gen_officials: %d officials, %d roles, %d with a Wikidata QID\n"
                     % (len(officials), roles, sum(1 for o in officials if "wikidata" in o)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
