#!/usr/bin/python3
"""Check kgex's default lexicon data.

Usage: /usr/bin/python3 tests/lexicon/check_lexicon.py [REPO_ROOT]

Validates every data/lexicon/*.json against schemas/lexicon.schema.json
(JSON Schema draft 2020-12; needs python3-jsonschema 4.x) and checks what a
schema cannot express: ids unique across files, no empty or duplicated
surface string within an entry, no surface string shared by two states or
two organizations, state cities that are no state's name, alias, adjective,
demonym, capital or seat and belong to one state only, unique Wikidata QIDs,
CAMEO families per relation, and minimum coverage (>= 193 UN member states, >= 80 organizations).

Prints one line per failed check and "N passed, M failed" at the end; exits
non-zero on any failure.
"""

import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.stderr.write("check_lexicon: python3-jsonschema is required\n")
    sys.exit(2)


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
        return [e.get("name")] + e.get("acronyms", []) + e.get("aliases", [])
    if section == "titles":
        return [e.get("title")]
    if section == "triggers":
        return list(e.get("forms", []))
    return []


def entry_label(section, e):
    if section in ("states", "organizations"):
        return "%s %s" % (section[:-1], e.get("id"))
    if section == "titles":
        return "title %r" % e.get("title")
    return "trigger %s/%s %r" % (e.get("relation"), e.get("pos"),
                                 (e.get("forms") or [None])[0])


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
    entries = {"states": [], "organizations": [], "titles": [], "triggers": []}
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

    # No surface string shared by two states, or by two organizations.
    for sec in ("states", "organizations"):
        owner, clash = {}, []
        for rel, e in entries[sec]:
            for s in set(surface_strings(sec, e)):
                if not isinstance(s, str):
                    continue
                if s in owner and owner[s] != e.get("id"):
                    clash.append("%r: %s and %s" % (s, owner[s], e.get("id")))
                owner.setdefault(s, e.get("id"))
        c.check(not clash, "no surface string names two %s" % sec, clash)

    # State cities are places only: a city must not also be a name, alias,
    # adjective, demonym, capital or seat of any state (its own included),
    # and must belong to one state only.
    named, city_owner, bad, twice = {}, {}, [], []
    for rel, e in entries["states"]:
        for s in surface_strings("states", e) + [e.get("official_name")]:
            if isinstance(s, str):
                named.setdefault(s, e.get("id"))
    for rel, e in entries["states"]:
        for s in e.get("cities", []) or []:
            if not isinstance(s, str):
                continue
            if s in named:
                bad.append("%r: city of %s and a name/alias/adjective/demonym/capital/seat of %s"
                           % (s, e.get("id"), named[s]))
            if s in city_owner and city_owner[s] != e.get("id"):
                twice.append("%r: city of %s and of %s" % (s, city_owner[s], e.get("id")))
            city_owner.setdefault(s, e.get("id"))
    c.check(not bad, "no state city is also a state name, alias, adjective, demonym, capital or seat",
            bad)
    c.check(not twice, "no city appears under two states", twice)

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

    # Wikidata QIDs unique across all entries.
    owner, dups = {}, []
    for sec in ("states", "organizations"):
        for rel, e in entries[sec]:
            q = e.get("wikidata")
            if q is None:
                continue
            if q in owner:
                dups.append("%s: %s and %s" % (q, owner[q], e.get("id")))
            owner[q] = e.get("id")
    c.check(not dups, "Wikidata QIDs are unique", dups)

    # Coverage.
    n_un = sum(1 for _, e in entries["states"] if e.get("un_member") is True)
    c.check(n_un >= 193, "at least 193 UN member states (found %d)" % n_un)
    n_org = len(entries["organizations"])
    c.check(n_org >= 80, "at least 80 organizations (found %d)" % n_org)
    rels = {e.get("relation") for _, e in entries["triggers"]}
    missing = sorted({"member_of", "attacked", "appealed_to", "stated"} - rels)
    c.check(not missing, "triggers cover every relation", missing)
    c.check(len(entries["titles"]) >= 80,
            "at least 80 titles (found %d)" % len(entries["titles"]))

    print("%d passed, %d failed" % (c.passed, c.failed))
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
