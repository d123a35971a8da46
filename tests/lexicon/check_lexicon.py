#!/usr/bin/python3
"""Check kgex's default lexicon data.

Usage: /usr/bin/python3 tests/lexicon/check_lexicon.py [REPO_ROOT]

Validates every data/lexicon/*.json against schemas/lexicon.schema.json
(JSON Schema draft 2020-12; needs python3-jsonschema 4.x) and checks what a
schema cannot express: ids unique across files, no empty or duplicated
surface string within an entry, no surface string shared by two states or
two organizations unless all owners but at most one list it as "ambiguous",
state cities and places that are no state's name, alias, adjective,
demonym, capital or seat, no organization's name or acronym, and belong to
one state only, references (a place's state, an organization's parent, an
official's employer) that exist, well-formed and unique Wikidata QIDs
(states, organizations and officials), official ids (person slugs) unique,
officials' roles with real calendar dates, one holder at a time of a
single-holder office (president, prime minister, foreign and defence
minister, ...), a head of state of every UN member state in every year
2000-2025 (a head of government for the Commonwealth realms; documented
vacancies aside),
CAMEO families per relation, and minimum coverage (>= 193 UN member states,
>= 150 intergovernmental organizations and bodies, >= 40 armed groups,
>= 5,000 places, >= 1,000 officials).

Prints one line per failed check and "N passed, M failed" at the end; exits
non-zero on any failure.
"""

import glob
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.stderr.write("check_lexicon: python3-jsonschema is required\n")
    sys.exit(2)


# Titles of offices that one person holds at a time (tools/gen_officials.py
# SINGLE_OFFICES).
SINGLE_OFFICES = {
    "President", "Prime Minister", "King", "Queen", "Emir", "Sultan", "Emperor", "Grand Duke",
    "Chancellor", "Premier", "Taoiseach", "Head of Government", "Supreme Leader",
    "Foreign Minister", "Defence Minister", "Minister of Foreign Affairs", "Minister of Defence",
    "Secretary of State", "Secretary of Defense", "Foreign Secretary", "Defence Secretary",
    "External Affairs Minister", "Secretary-General", "Secretary General", "Director-General",
    "Director General", "Managing Director", "Chairperson", "Prosecutor", "High Commissioner",
}
HEADS_OF_STATE = {
    "President", "Acting President", "Interim President", "King", "Queen", "Emir", "Sultan",
    "Emperor", "Grand Duke", "Prince", "Co-Prince", "Supreme Leader", "Leader", "Head of State",
    "Member of the Presidency",
}
HEADS_OF_GOVERNMENT = {"Prime Minister", "Premier", "Chancellor", "Taoiseach",
                       "Head of Government", "Chief Adviser", "State Counsellor"}
# Heads of state abroad: the British monarch (Commonwealth realms), the
# co-princes of Andorra, the Captains Regent of San Marino (two, for six
# months), Barbados until it became a republic in November 2021.
HEAD_OF_STATE_ABROAD = {"ATG", "AUS", "BHS", "BLZ", "BRB", "CAN", "GRD", "JAM", "KNA", "LCA",
                        "NZL", "PNG", "SLB", "TUV", "VCT", "AND", "SMR"}
# Admission to the UN after 2000.
UN_ADMISSION = {"TUV": 2000, "CHE": 2002, "TLS": 2002, "MNE": 2006, "SSD": 2011}
# Years with no head of state in office at all: Lebanon's vacancies
# (May 2014 - October 2016, October 2022 - January 2025), Haiti between
# the assassination of July 2021 and the Transitional Presidential Council
# of April 2024, Afghanistan under the unrecognized Taliban government since
# August 2021, San Marino (its Captains Regent are not listed).
NO_HEAD_OF_STATE = {"LBN": {2015, 2023, 2024}, "HTI": {2022, 2023},
                    "AFG": {2022, 2023, 2024, 2025}, "SMR": set(range(2000, 2026))}


def is_head_of_state(title):
    return title in HEADS_OF_STATE or (
        title.startswith(("Chairman of the ", "President of the "))
        and "Council of Ministers" not in title)


def date_ok(d):
    """A real calendar date YYYY, YYYY-MM or YYYY-MM-DD between 1800 and 2100."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", d)
    if not m:
        return False
    y, mo, dd = int(m.group(1)), m.group(2), m.group(3)
    if mo is not None and not 1 <= int(mo) <= 12:
        return False
    if dd is not None:
        leap = (y % 4 == 0 and y % 100 != 0) or y % 400 == 0
        days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][int(mo) - 1]
        if not 1 <= int(dd) <= days:
            return False
    return 1800 <= y <= 2100


def span(r):
    """(earliest from, latest from, earliest to, latest to) of a role: a year
    or a month stands for any day in it; no from is the distant past, no to
    the present."""
    def lo(d):
        return (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10]

    def hi(d):
        return (d + "-12-31")[:10] if len(d) == 4 else (d + "-31")[:10]
    f, t = r.get("from"), r.get("to")
    return (lo(f) if f else "0000-00-00", hi(f) if f else "0000-00-00",
            lo(t) if t else "9999-99-99", hi(t) if t else "9999-99-99")


def surely_overlap(a, b):
    """Two roles share a day whatever day of their month or year they mean."""
    a0, a1, a2, _ = span(a)
    b0, b1, b2, _ = span(b)
    return a1 < b2 and b1 < a2


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, details=()):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s" % what)
            for d in list(details)[:20]:
                print("    %s" % d)
            if len(details) > 20:
                print("    ... and %d more" % (len(details) - 20))
        return ok


def surface_strings(section, e):
    """The strings of an entry the matcher looks for (official_name aside:
    it is allowed, and expected, to be repeated among the aliases)."""
    if section == "states":
        out = [e.get("name")]
        for k in ("aliases", "adjectives", "demonyms", "capitals", "seats"):
            out += e.get(k, [])
        return out
    if section == "organizations":
        return ([e.get("name")] + e.get("acronyms", []) + e.get("aliases", [])
                + e.get("adjectives", []))
    if section in ("places", "officials"):
        return [e.get("name")] + e.get("aliases", [])
    if section == "titles":
        return [e.get("title")]
    if section == "triggers":
        return list(e.get("forms", []))
    return []


def entry_label(section, e):
    if section in ("states", "organizations"):
        return "%s %s" % (section[:-1], e.get("id"))
    if section in ("places", "officials"):
        return "%s %r" % (section[:-1], e.get("name"))
    if section == "titles":
        return "title %r" % e.get("title")
    return "trigger %s/%s %r" % (e.get("relation"), e.get("pos"),
                                 (e.get("forms") or [None])[0])


def slug(name):
    """The slug of person ids (kgex__slugify in src/extract/extract.c):
    ASCII letters and digits lowercased, '-' between words, apostrophes and
    periods dropped, other bytes as two hex digits."""
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


CAMEO_PREFIX = {
    # relation -> allowed leading digits of its CAMEO codes
    "attacked": ("18", "19", "20"),
    "appealed_to": ("02",),
    # statements may carry any 01..13 root code (say, urge, praise, accuse...)
    "stated": tuple("%02d" % i for i in range(1, 14)),
}


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(argv[1]) if len(argv) > 1 else os.path.dirname(os.path.dirname(here))
    c = Checker()

    schema_path = os.path.join(root, "schemas", "lexicon.schema.json")
    try:
        with open(schema_path, encoding="utf-8") as fh:
            schema = json.load(fh)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        c.check(True, "schema")
    except Exception as ex:  # noqa: BLE001
        c.check(False, "schema %s is loadable and valid: %s" % (schema_path, ex))
        print("%d passed, %d failed" % (c.passed, c.failed))
        return 1

    files = sorted(glob.glob(os.path.join(root, "data", "lexicon", "*.json")))
    c.check(len(files) > 0, "data/lexicon/*.json exist")

    data = {}
    for path in files:
        rel = os.path.relpath(path, root)
        try:
            with open(path, encoding="utf-8") as fh:
                doc = json.load(fh)
        except Exception as ex:  # noqa: BLE001
            c.check(False, "%s parses as JSON: %s" % (rel, ex))
            continue
        c.check(True, "%s parses" % rel)
        errs = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        c.check(not errs, "%s validates against the schema" % rel,
                ["%s: %s" % ("/".join(str(p) for p in e.absolute_path), e.message) for e in errs])
        data[rel] = doc

    # Gather entries per section across files.
    entries = {"states": [], "organizations": [], "places": [], "officials": [], "titles": [],
               "triggers": []}
    for rel, doc in data.items():
        if not isinstance(doc, dict):
            continue
        for sec in entries:
            for e in doc.get(sec, []) or []:
                if isinstance(e, dict):
                    entries[sec].append((rel, e))

    # Ids unique across all files (states and organizations; case-insensitive).
    seen, dups = {}, []
    for sec in ("states", "organizations"):
        for rel, e in entries[sec]:
            i = str(e.get("id", "")).lower()
            if i in seen:
                dups.append("%r in %s and %s" % (e.get("id"), seen[i], rel))
            else:
                seen[i] = rel
    c.check(not dups, "ids are unique across files", dups)

    # Per entry: no empty / blank strings, no duplicates within the entry.
    bad = []
    for sec, lst in entries.items():
        for rel, e in lst:
            strs = surface_strings(sec, e)
            if "official_name" in e:
                strs_all = strs + [e["official_name"]]
            else:
                strs_all = strs
            for s in strs_all:
                if not isinstance(s, str) or not s.strip():
                    bad.append("%s: %s: empty string" % (rel, entry_label(sec, e)))
            d = sorted({s for s in strs if isinstance(s, str) and strs.count(s) > 1})
            if d:
                bad.append("%s: %s: duplicated %s" % (rel, entry_label(sec, e), d))
            if sec in ("states", "organizations") and e.get("name") in e.get("aliases", []):
                bad.append("%s: %s: name repeated in aliases" % (rel, entry_label(sec, e)))
    c.check(not bad, "no empty or duplicated names/aliases/forms within an entry", bad)

    # States: id equals iso3.
    bad = ["%s: state %s has iso3 %s" % (rel, e.get("id"), e.get("iso3"))
           for rel, e in entries["states"] if e.get("id") != e.get("iso3")]
    c.check(not bad, "state id equals iso3", bad)

    # No surface string shared by two states, or by two organizations,
    # unless it is declared: every owner but at most one (the usual
    # referent) lists it under "ambiguous".
    for sec in ("states", "organizations"):
        owners = {}
        for rel, e in entries[sec]:
            for s_ in set(surface_strings(sec, e) + [e.get("official_name")]):
                if isinstance(s_, str):
                    owners.setdefault(s_, []).append(e)
        clash = []
        for s_, es in sorted(owners.items()):
            if len(es) < 2:
                continue
            primary = [e.get("id") for e in es if s_ not in e.get("ambiguous", [])]
            if len(primary) > 1:
                clash.append("%r: %s (mark it ambiguous in all but its usual referent)"
                             % (s_, ", ".join(primary)))
        c.check(not clash, "no surface string names two %s without an ambiguous mark" % sec,
                clash)
        lonely = ["%s: %r names only this entry" % (e.get("id"), a)
                  for rel, e in entries[sec] for a in e.get("ambiguous", [])
                  if len(owners.get(a, [])) < 2]
        c.check(not lonely, "every ambiguous form of %s names another entry too" % sec, lonely)

    # State cities and places are places only: never a name, alias,
    # adjective, demonym, capital or seat of any state, nor a name or
    # acronym of an organization, and of one state only.
    named, org_named, city_owner, bad, twice = {}, {}, {}, [], []
    for rel, e in entries["states"]:
        for s_ in surface_strings("states", e) + [e.get("official_name")]:
            if isinstance(s_, str):
                named.setdefault(s_.lower(), e.get("id"))
    for rel, e in entries["organizations"]:
        for s_ in surface_strings("organizations", e):
            if isinstance(s_, str):
                org_named.setdefault(s_.lower(), e.get("id"))
    place_names = [(e.get("id"), s_) for rel, e in entries["states"] for s_ in e.get("cities", []) or []]
    place_names += [(e.get("state"), s_) for rel, e in entries["places"]
                    for s_ in surface_strings("places", e)]
    for sid, s_ in place_names:
        if not isinstance(s_, str):
            continue
        low = s_.lower()
        if low in named:
            bad.append("%r: place of %s and a name/alias/adjective/demonym/capital/seat of %s"
                       % (s_, sid, named[low]))
        if low in org_named:
            bad.append("%r: place of %s and a name of organization %s" % (s_, sid, org_named[low]))
        if low in city_owner and city_owner[low] != sid:
            twice.append("%r: place of %s and of %s" % (s_, city_owner[low], sid))
        city_owner.setdefault(low, sid)
    c.check(not bad, "no place is also a state's or an organization's name", bad)
    c.check(not twice, "no place name belongs to two states", twice)

    # References.
    state_ids = {e.get("id") for _, e in entries["states"]}
    org_ids = {e.get("id") for _, e in entries["organizations"]}
    bad = ["place %r: unknown state %s" % (e.get("name"), e.get("state"))
           for _, e in entries["places"] if e.get("state") not in state_ids]
    bad += ["organization %s: unknown parent %s" % (e.get("id"), e.get("parent"))
            for _, e in entries["organizations"] if "parent" in e and e["parent"] not in org_ids]
    for _, e in entries["officials"]:
        for r in e.get("roles", []):
            of = str(r.get("of", ""))
            kind, _, oid = of.partition("/")
            if not ((kind == "state" and oid in state_ids) or (kind == "org" and oid in org_ids)):
                bad.append("official %r: unknown employer %s" % (e.get("name"), of))
    c.check(not bad, "places, parents and roles refer to known entries", bad)

    # An acronym that is not in capitals is matched like a capitalized
    # word: it must not be a common English word ("LeT" would match "Let").
    words = set()
    if os.path.exists("/usr/share/dict/words"):
        with open("/usr/share/dict/words", encoding="utf-8") as fh:
            words = {w.strip() for w in fh if w.strip().islower()}
    bad = ["organization %s: %r" % (e.get("id"), a)
           for _, e in entries["organizations"]
           for a in e.get("acronyms", [])
           if " " not in a and a != a.upper() and a.lower() in words]
    c.check(not bad, "no mixed-case acronym is an English word", bad)

    # Parents form no cycle.
    parent = {e.get("id"): e.get("parent") for _, e in entries["organizations"]}
    cyc = []
    for oid in parent:
        seen_, cur = set(), oid
        while cur in parent and parent[cur]:
            if cur in seen_:
                cyc.append(oid)
                break
            seen_.add(cur)
            cur = parent[cur]
    c.check(not cyc, "organization parents form no cycle", cyc)

    # Officials: one entry per person id (the slug of the name); no alias
    # that is a bare given name or surname (one word).
    slugs, dups, bare = {}, [], []
    for _, e in entries["officials"]:
        sl = slug(str(e.get("name", "")))
        if sl in slugs:
            dups.append("%r and %r: person/%s" % (slugs[sl], e.get("name"), sl))
        slugs[sl] = e.get("name")
        for a in [e.get("name")] + e.get("aliases", []):
            if isinstance(a, str) and len(a.replace("-", " ").split()) < 2:
                bare.append("%r: %r" % (e.get("name"), a))
    c.check(not dups, "official ids are unique", dups)
    c.check(not bare, "official names and aliases are full names, not one word", bare)

    # Officials' roles: real calendar dates, a start before the end.
    bad = []
    for _, e in entries["officials"]:
        for r in e.get("roles", []):
            for k in ("from", "to"):
                if k in r and not date_ok(str(r[k])):
                    bad.append("%r: %s %s %r" % (e.get("name"), r.get("of"), k, r[k]))
            if "from" in r and "to" in r and date_ok(str(r["from"])) and date_ok(str(r["to"])) \
                    and span(r)[0] > span(r)[3]:
                bad.append("%r: %s from %s to %s" % (e.get("name"), r.get("of"), r["from"], r["to"]))
    c.check(not bad, "official roles have real dates and end after they begin", bad)

    # One holder at a time of a single-holder office (a year or month is
    # any day in it, so successors may share their month).
    by_office = {}
    for _, e in entries["officials"]:
        for r in e.get("roles", []):
            if r.get("title") in SINGLE_OFFICES and date_ok(str(r.get("from", "1900"))) \
                    and date_ok(str(r.get("to", "2100"))):
                by_office.setdefault((r.get("of"), r.get("title")), []).append((e.get("name"), r))
    bad = []
    for (of, title), rs in sorted(by_office.items()):
        rs.sort(key=lambda nr: span(nr[1])[0])
        for i, (na, ra) in enumerate(rs):
            for nb, rb in rs[i + 1:]:
                if span(rb)[0] > span(ra)[3]:
                    break
                if na != nb and surely_overlap(ra, rb):
                    bad.append("%s %s: %s (%s to %s) and %s (%s to %s)" % (
                        of, title, na, ra.get("from", "?"), ra.get("to", "now"), nb,
                        rb.get("from", "?"), rb.get("to", "now")))
    c.check(not bad, "no two people hold a single-holder office at once", bad)

    # Every UN member state has a head of state (for Commonwealth realms and
    # states whose head of state is a foreign office, a head of government)
    # in every year from 2000 (or its admission) to 2025, but for the
    # documented vacancies.
    held = {}
    for _, e in entries["officials"]:
        for r in e.get("roles", []):
            of, title = str(r.get("of", "")), str(r.get("title", ""))
            if not of.startswith("state/") or not (date_ok(str(r.get("from", "1900")))
                                                   and date_ok(str(r.get("to", "2100")))):
                continue
            sid = of[6:]
            head = is_head_of_state(title) or (sid in HEAD_OF_STATE_ABROAD
                                               and title in HEADS_OF_GOVERNMENT)
            if not head:
                continue
            a, _, _, b = span(r)
            for y in range(max(int(a[:4]), 2000), min(int(b[:4]), 2025) + 1):
                held.setdefault(sid, set()).add(y)
    gaps = []
    for _, st in entries["states"]:
        if st.get("un_member") is not True:
            continue
        sid = st.get("id")
        for y in range(UN_ADMISSION.get(sid, 2000), 2026):
            if y not in held.get(sid, set()) and y not in NO_HEAD_OF_STATE.get(sid, ()):
                gaps.append("%s %d" % (sid, y))
    c.check(not gaps, "every UN member state has a head of state in every year 2000-2025", gaps)

    # Titles unique (case-insensitively: they are matched that way).
    seen, dups = set(), []
    for rel, e in entries["titles"]:
        t = str(e.get("title", "")).lower()
        if t in seen:
            dups.append(e.get("title"))
        seen.add(t)
    c.check(not dups, "titles are unique (case-insensitive)", dups)

    # Triggers: a (relation, pos, form) triple appears once; CAMEO families.
    seen, dups, fam = set(), [], []
    for rel, e in entries["triggers"]:
        for f in e.get("forms", []):
            k = (e.get("relation"), e.get("pos"), f)
            if k in seen:
                dups.append("%s/%s %r" % k)
            seen.add(k)
        code = e.get("cameo")
        pref = CAMEO_PREFIX.get(e.get("relation"))
        if code is not None and pref is not None and not str(code).startswith(pref):
            fam.append("%s: CAMEO %s" % (entry_label("triggers", e), code))
    c.check(not dups, "trigger forms are unique per relation and part of speech", dups)
    c.check(not fam, "trigger CAMEO codes belong to their relation's family", fam)

    # Wikidata QIDs: well formed and unique across all entries.
    owner, dups, malformed, counted = {}, [], [], {}
    for sec in ("states", "organizations", "officials"):
        counted[sec] = 0
        for rel, e in entries[sec]:
            q = e.get("wikidata")
            if q is None:
                continue
            counted[sec] += 1
            label = entry_label(sec, e)
            if not re.fullmatch(r"Q[1-9][0-9]*", str(q)):
                malformed.append("%s: %r" % (label, q))
            if q in owner:
                dups.append("%s: %s and %s" % (q, owner[q], label))
            owner[q] = label
    c.check(not malformed, "Wikidata QIDs are well formed", malformed)
    listed = {}
    src = os.path.join(root, "data", "lexicon", "src", "wikidata_organizations.tsv")
    if os.path.exists(src):
        with open(src, encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    oid, q = line.split("\t")[:2]
                    listed[oid] = q
    unlisted = ["organization %s: %s" % (e.get("id"), e.get("wikidata"))
                for _, e in entries["organizations"]
                if "wikidata" in e and listed.get(e.get("id")) != e.get("wikidata")]
    c.check(not unlisted, "every organization QID is in data/lexicon/src/wikidata_organizations.tsv "
            "with its source", unlisted)
    c.check(not dups, "Wikidata QIDs are unique", dups)
    print("Wikidata QIDs: %s" % ", ".join("%s %d of %d" % (sec, counted[sec], len(entries[sec]))
                                          for sec in counted))

    # Coverage.
    n_un = sum(1 for _, e in entries["states"] if e.get("un_member") is True)
    c.check(n_un >= 193, "at least 193 UN member states (found %d)" % n_un)
    n_org = len(entries["organizations"])
    c.check(n_org >= 80, "at least 80 organizations (found %d)" % n_org)
    n_igo = sum(1 for _, e in entries["organizations"] if e.get("type") == "intergovernmental"
                or (e.get("type") == "military" and "parent" in e))
    c.check(n_igo >= 150, "at least 150 intergovernmental organizations and bodies (found %d)" % n_igo)
    n_arm = sum(1 for _, e in entries["organizations"] if e.get("type") == "armed_group")
    c.check(n_arm >= 40, "at least 40 armed groups (found %d)" % n_arm)
    c.check(len(entries["places"]) >= 5000, "at least 5,000 places (found %d)" % len(entries["places"]))
    c.check(len(entries["officials"]) >= 1000,
            "at least 1,000 officials (found %d)" % len(entries["officials"]))
    rels = {e.get("relation") for _, e in entries["triggers"]}
    missing = sorted({"member_of", "attacked", "appealed_to", "stated"} - rels)
    c.check(not missing, "triggers cover every relation", missing)
    c.check(len(entries["titles"]) >= 80,
            "at least 80 titles (found %d)" % len(entries["titles"]))

    print("%d passed, %d failed" % (c.passed, c.failed))
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
