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
  * data/lexicon/src/office_holders/*.txt (hand-kept lists of office
    holders, one post a line: STATE|Title|Name|from|to|aliases): heads of
    state and government of every UN member state 2000-2025, foreign and
    defence ministers of about 45 states, heads of organizations. Actor-dictionary
    people whose spelling is close to a listed person at the same state and
    time are merged into that person as aliases.
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
import difflib
import json
import os
import re
import sys
import unicodedata

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


# Offices held by one person at a time: roles of two people with the same
# state or organization and one of these titles must not overlap.
SINGLE_OFFICES = {
    "President", "Prime Minister", "King", "Queen", "Emir", "Sultan", "Emperor", "Grand Duke",
    "Chancellor", "Premier", "Taoiseach", "Head of Government", "Supreme Leader",
    "Foreign Minister", "Defence Minister", "Minister of Foreign Affairs", "Minister of Defence",
    "Secretary of State", "Secretary of Defense", "Foreign Secretary", "Defence Secretary",
    "External Affairs Minister", "Secretary-General", "Secretary General", "Director-General",
    "Director General", "Managing Director", "Chairperson", "Prosecutor", "High Commissioner",
}
OFFICE_LINE = re.compile(r"^([A-Z]{3}|org/[a-z0-9-]+)\|([^|]+)\|([^|]+)\|([0-9-]*)\|([0-9-]*)\|(.*)$")


def date_ok(d):
    """A real calendar date YYYY, YYYY-MM or YYYY-MM-DD."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", d)
    if not m:
        return False
    y, mo, dd = int(m.group(1)), m.group(2), m.group(3)
    if mo is not None and not 1 <= int(mo) <= 12:
        return False
    if dd is not None:
        days = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28, 31, 30, 31,
                30, 31, 31, 30, 31, 30, 31][int(mo) - 1]
        if not 1 <= int(dd) <= days:
            return False
    return 1800 <= y <= 2100


def span(r):
    """(earliest from, latest from, earliest to, latest to) of a role as
    YYYY-MM-DD strings: a year or month is any day in it."""
    def lo(d):
        return (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10]
    def hi(d):
        return (d + "-12-31")[:10] if len(d) == 4 else (d + "-31")[:10]
    f, t = r.get("from"), r.get("to")
    return (lo(f) if f else "0000-00-00", hi(f) if f else "0000-00-00",
            lo(t) if t else "9999-99-99", hi(t) if t else "9999-99-99")


def surely_overlap(a, b):
    """Do two roles share a day whatever day of their month or year their
    dates stand for?"""
    a0, a1, a2, _ = span(a)
    b0, b1, b2, _ = span(b)
    return a1 < b2 and b1 < a2


def read_office_holders(states, orgs):
    """Entries {"name", "aliases", "roles"} from data/lexicon/src/office_holders/*.txt."""
    people = collections.OrderedDict()
    folder = os.path.join(SRC, "office_holders")
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".txt"):
            continue
        path = os.path.join(folder, fn)
        with open(path, encoding="utf-8") as fh:
            for no, line in enumerate(fh, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                m = OFFICE_LINE.match(line)
                where = "%s:%d" % (os.path.relpath(path, ROOT), no)
                if not m:
                    die("%s: not STATE|Title|Name|from|to|aliases" % where)
                of, title, name, frm, to, aliases = (g.strip() for g in m.groups())
                if of.startswith("org/"):
                    if of[4:] not in orgs:
                        die("%s: unknown organization %s" % (where, of))
                elif of not in states:
                    die("%s: unknown state %s" % (where, of))
                else:
                    of = "state/" + of
                for d in (frm, to):
                    if d and not date_ok(d):
                        die("%s: malformed date %r" % (where, d))
                if frm and to and span({"from": frm})[0] > span({"to": to})[3]:
                    die("%s: ends before it begins" % where)
                e = people.setdefault(name, {"name": name, "aliases": [], "roles": []})
                for a in filter(None, (a.strip() for a in aliases.split(";"))):
                    if a not in e["aliases"] and a != name:
                        e["aliases"].append(a)
                r = {"of": of, "title": title}
                if frm:
                    r["from"] = frm
                if to:
                    r["to"] = to
                e["roles"].append(r)
    return list(people.values())


def fold(name):
    """Lower-case ASCII letters and spaces of a name, for comparing spellings."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^a-z ]+", " ", s.replace("-", " ")).split())


def same_person_spelling(a, b):
    """Two spellings of one name: "Emomali Rahmonov" and "Emomali Rahmon",
    "Nursultan Nazarbaev" and "Nursultan Nazarbayev"."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    wa, wb = fa.split(), fb.split()
    if wa[0][:3] != wb[0][:3]:
        return False
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85


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
    for x in extra:
        for r in x["roles"]:
            kind, _, oid = r["of"].partition("/")
            if (kind == "state" and oid not in states) or (kind == "org" and oid not in orgs):
                die("%s: unknown %s" % (x["name"], r["of"]))
    lists = read_office_holders(states, orgs)

    # slug -> {"name", "aliases", "auto" (actor dictionary roles), "hand"
    # (roles from the lists of office holders), "wikidata"}
    people = collections.OrderedDict()

    def entry(name):
        return people.setdefault(slug(name), {"name": name, "aliases": [], "auto": [],
                                               "hand": [], "wikidata": None})

    def add_aliases(e, names):
        for a in names:
            if a != e["name"] and a not in e["aliases"]:
                e["aliases"].append(a)

    for name, aliases, roles in read_petrarch(
            os.path.join(SRC, "petrarch2", "Phoenix.Countries.actors.txt"), states):
        e = entry(name)
        add_aliases(e, aliases)
        e["auto"] += [r for r in roles if r not in e["auto"]]
    # The hand-kept entries first, then the lists of office holders; a role
    # of the lists that repeats a hand-kept role of the person (same employer
    # and title, overlapping) is the same post.
    for x in extra + lists:
        e = entry(x["name"])
        add_aliases(e, x.get("aliases", []))
        if x.get("wikidata"):
            e["wikidata"] = x["wikidata"]
        for r in x["roles"]:
            if not any(h["of"] == r["of"] and h["title"] == r["title"] and
                       (h == r or surely_overlap(h, r)) for h in e["hand"]):
                e["hand"].append(r)
    hand = {k: e for k, e in people.items() if e["hand"]}

    # The same person under other spellings in the actor dictionary goes
    # into the hand-kept entry as aliases: a shared spelling, or a close
    # spelling of the name (transliterations) with a post at the same state
    # at the same time.
    by_name = collections.defaultdict(set)
    by_state = collections.defaultdict(set)
    for k, e in hand.items():
        for n in [e["name"]] + e["aliases"]:
            by_name[n.lower()].add(k)
        for r in e["hand"]:
            by_state[r["of"]].add(k)
    merged = 0
    for k in list(people):
        e = people[k]
        if e["hand"]:
            continue
        target = set()
        for n in [e["name"]] + e["aliases"]:
            target |= by_name.get(n.lower(), set())
        if not target:
            for r in e["auto"]:
                for hk in by_state.get(r["of"], ()):
                    h = hand[hk]
                    if any(surely_overlap(r, hr) for hr in h["hand"] if hr["of"] == r["of"]) and \
                            any(same_person_spelling(n, h["name"]) for n in [e["name"]] + e["aliases"]):
                        target.add(hk)
        if len(target) == 1:
            h = hand[next(iter(target))]
            add_aliases(h, [e["name"]] + e["aliases"])
            del people[k]
            merged += 1
    # A person of the lists keeps only the listed posts for the states and
    # organizations the lists name for them.
    for e in people.values():
        listed = {r["of"] for r in e["hand"]}
        e["auto"] = [r for r in e["auto"] if r["of"] not in listed]
    # A post of the actor dictionary in a single-holder office that the lists
    # give to someone else at that time is not that office (the dictionary
    # takes a title from a person's spellings for all their government
    # posts): it becomes a government post.
    holders = collections.defaultdict(list)
    for e in people.values():
        for r in e["hand"]:
            if r["title"] in SINGLE_OFFICES:
                holders[(r["of"], r["title"])].append(r)
    auto_single = collections.defaultdict(list)
    demoted = 0
    for e in people.values():
        for r in e["auto"]:
            if r["title"] not in SINGLE_OFFICES:
                continue
            if any(surely_overlap(r, h) for h in holders.get((r["of"], r["title"]), ())):
                r["title"] = SECTORS["GOV"]
                demoted += 1
            else:
                auto_single[(r["of"], r["title"])].append(r)
    # Two such posts of the dictionary alone that overlap: neither is sure.
    for rs in auto_single.values():
        clash = [r for r in rs if any(o is not r and surely_overlap(r, o) for o in rs)]
        for r in clash:
            r["title"] = SECTORS["GOV"]
            demoted += 1
    # a spelling of two people names neither
    count = collections.Counter(a.lower() for e in people.values()
                                for a in set([e["name"]] + e["aliases"]))
    for e in people.values():
        e["aliases"] = [a for a in e["aliases"] if count[a.lower()] == 1 or e["hand"]]
    out = []
    for e in people.values():
        # an alias whose slug is another person's id is that person's name
        e["aliases"] = [a for a in e["aliases"] if slug(a) == slug(e["name"]) or slug(a) not in people]
        o = {"name": e["name"]}
        if e["aliases"]:
            o["aliases"] = e["aliases"]
        if e.get("wikidata"):
            o["wikidata"] = e["wikidata"]
        roles = []
        for r in e["hand"] + e["auto"]:
            if r not in roles:
                roles.append(r)
        o["roles"] = sorted(roles, key=lambda r: (r.get("from", ""), r["of"], r["title"]))
        out.append(o)
    out.sort(key=lambda o: slug(o["name"]))
    sys.stderr.write("gen_officials: %d actor-dictionary entries merged into listed people, "
                     "%d dictionary posts made government posts\n" % (merged, demoted))
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
