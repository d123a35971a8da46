#!/usr/bin/python3
"""Generate data/lexicon/states.json for kgex.

Inputs:
  * Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (package
    `iso-codes`): names, official names and alpha-3 codes;
  * data/lexicon/src/countries.json: English demonyms and capitals from
    mledoze/countries (ODbL 1.0; the fields the generator reads, kept
    in the repository so that the build needs no download);
  * data/lexicon/src/wikidata_states.tsv: the Wikidata QIDs of sovereign
    states from openMINDS (MIT, generated from Wikidata); a QID in
    states_extra.json must agree with it, or be listed in its
    "wikidata_verified_elsewhere" with the public source that confirms it;
  * data/lexicon/src/states_extra.json (hand-kept): news short names, aliases,
    adjectives, demonyms, capitals, seats of government, other cities
    (places only, never the government), Wikidata QIDs,
    UN membership, the list of iso-codes entries that are territories (not
    emitted) and states missing from iso-codes (Kosovo, de-facto states,
    historical states).

Output: data/lexicon/states.json (committed; the build does not run Python).

Usage: /usr/bin/python3 tools/gen_states.py [--iso FILE] [--extra FILE] [--countries FILE]
       [--out FILE] [--check]
Stdlib only.
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
SRC = os.path.join(ROOT, "data", "lexicon", "src")
DEFAULT_EXTRA = os.path.join(SRC, "states_extra.json")
DEFAULT_COUNTRIES = os.path.join(SRC, "countries.json")
DEFAULT_QIDS = os.path.join(SRC, "wikidata_states.tsv")
DEFAULT_OUT = os.path.join(ROOT, "data", "lexicon", "states.json")

LIST_FIELDS = ("aliases", "adjectives", "demonyms", "capitals", "seats")
# Optional list fields: emitted only when non-empty.
OPTIONAL_LIST_FIELDS = ("cities",)
KNOWN_EXTRA_FIELDS = ({"name", "official_name", "wikidata", "un_member", "drop_aliases",
                       "drop_capitals"}
                      | set(LIST_FIELDS) | set(OPTIONAL_LIST_FIELDS))
# Output key order.
ORDER = ("id", "name", "official_name", "aliases", "adjectives", "demonyms",
         "capitals", "seats", "cities", "ambiguous", "iso3", "wikidata", "un_member")

# mledoze's English demonyms that are nouns for a person (the rest are
# adjectives that also serve as nouns: "Armenian"); their plurals.
NOUN_ENDINGS = ("er",)
NOUN_PLURALS = {"Mosotho": "Basotho", "I-Kiribati": "I-Kiribati", "Ni-Vanuatu": "Ni-Vanuatu"}


def plural(word):
    """The plural noun of a demonym ("Afghan" -> "Afghans"), or None when
    English uses the same word or none ("Congolese", "Swiss", "French")."""
    if word in NOUN_PLURALS:
        return NOUN_PLURALS[word]
    if word.endswith(("ese", "ss", "sh", "ch", "x", "z")) or " or " in word:
        return None
    if word.endswith(("an", "i", "er", "ite", "ot", "ec", "ic", "k", "n", "o")):
        return word + "s"
    return None


def mledoze_forms(entry):
    """English demonym forms of a mledoze entry, split ("Antiguan,
    Barbudan", "Kittitian or Nevisian")."""
    out = []
    eng = (entry or {}).get("demonyms", {}).get("eng", {})
    for k in ("m", "f"):
        for part in re.split(r",\s*|\s+or\s+", eng.get(k) or ""):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def die(msg):
    sys.stderr.write("gen_states: error: %s\n" % msg)
    sys.exit(1)


def clean_iso_name(s):
    """Return an iso-codes name usable as a surface form, or None.

    iso-codes uses inverted forms ("Korea, Republic of") and parenthesised
    qualifiers ("Holy See (Vatican City State)"); those never occur in text.
    A leading lowercase "the " ("the State of Eritrea") is dropped.
    """
    if not s:
        return None
    s = s.strip()
    if s.startswith("the "):
        s = s[4:]
    if "," in s or "(" in s:
        return None
    return s


def dedupe(seq, exclude=()):
    seen = set(exclude)
    out = []
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def build(iso_path, extra_path, countries_path):
    with open(iso_path, encoding="utf-8") as fh:
        iso_list = json.load(fh)["3166-1"]
    with open(extra_path, encoding="utf-8") as fh:
        extra = json.load(fh)
    with open(countries_path, encoding="utf-8") as fh:
        mledoze = {c["cca3"]: c for c in json.load(fh)}

    iso = {e["alpha_3"]: e for e in iso_list}
    territories = set(extra.get("territories", {}))
    verified = {}
    with open(DEFAULT_QIDS, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                code, qid = line.split("\t")[:2]
                verified.setdefault(code, set()).add(qid)
    elsewhere = extra.get("wikidata_verified_elsewhere", {})
    for code, x in extra["states"].items():
        q = x.get("wikidata")
        if q and q not in verified.get(code, ()) and code not in elsewhere:
            die("%s: Wikidata %s is not a QID of wikidata_states.tsv (%s) and not verified elsewhere"
                % (code, q, ", ".join(sorted(verified.get(code, ())))))
    xstates = extra["states"]

    both = territories & set(xstates)
    if both:
        die("listed both as state and territory: %s" % ", ".join(sorted(both)))
    unknown_terr = territories - set(iso)
    if unknown_terr:
        die("territories not in iso-codes: %s" % ", ".join(sorted(unknown_terr)))
    unlisted = set(iso) - territories - set(xstates)
    if unlisted:
        # A new iso-codes release added a code: decide by hand.
        die("iso-codes entries neither in states nor territories of %s: %s"
            % (extra_path, ", ".join(sorted(unlisted))))

    states = []
    for code in sorted(xstates):
        x = xstates[code]
        bad = set(x) - KNOWN_EXTRA_FIELDS
        if bad:
            die("%s: unknown fields %s" % (code, ", ".join(sorted(bad))))
        if not re.fullmatch(r"[A-Z]{3}", code):
            die("%s: bad code" % code)
        if "un_member" not in x:
            die("%s: un_member missing" % code)
        i = iso.get(code, {})
        if not i and "name" not in x:
            die("%s: not in iso-codes, so 'name' is required" % code)

        iso_name = clean_iso_name(i.get("name"))
        iso_common = clean_iso_name(i.get("common_name"))
        iso_official = clean_iso_name(i.get("official_name"))

        name = x.get("name") or iso_common or iso_name
        if not name or clean_iso_name(name) != name:
            die("%s: no usable name" % code)
        official = x.get("official_name") or iso_official
        if official == name:
            official = None

        aliases = list(x.get("aliases", []))
        # Official and iso-codes names are other names the text may use.
        aliases += [official, iso_name, iso_common, iso_official]
        aliases = dedupe(aliases, exclude=[name] + list(x.get("drop_aliases", [])))

        entry = {"id": code, "name": name}
        if official:
            entry["official_name"] = official
        entry["aliases"] = aliases
        for f in LIST_FIELDS[1:]:
            entry[f] = list(x.get(f, []))
        # mledoze: demonyms as adjectives, or as nouns with their plural;
        # capitals, unless the extra file drops them
        m = mledoze.get(code)
        names = {name} | set(aliases)
        for form in mledoze_forms(m):
            if form in names:
                continue  # "Djibouti"
            if form.endswith(NOUN_ENDINGS) or form in NOUN_PLURALS:
                entry["demonyms"].append(form)
            elif form not in entry["demonyms"]:
                entry["adjectives"].append(form)
            p = plural(form)
            if p and p not in entry["adjectives"]:
                entry["demonyms"].append(p)
        for cap in (m or {}).get("capital", []):
            if cap not in names and cap not in x.get("drop_capitals", []):
                entry["capitals"].append(cap)
        for f in LIST_FIELDS[1:]:
            entry[f] = dedupe(entry[f], exclude=entry["adjectives"] if f == "demonyms" else ())
        for f in OPTIONAL_LIST_FIELDS:
            vals = dedupe(x.get(f, []))
            if vals:
                entry[f] = vals
        entry["iso3"] = code
        if x.get("wikidata"):
            entry["wikidata"] = x["wikidata"]
        entry["un_member"] = bool(x["un_member"])
        states.append({k: entry[k] for k in ORDER if k in entry})

    # A form of two states: listed in ambiguous_forms with its usual
    # referent; the other owners mark it "ambiguous".
    owners = {}
    for e in states:
        for f in ("name", "official_name"):
            if f in e:
                owners.setdefault(e[f], set()).add(e["id"])
        for f in LIST_FIELDS:
            for v in e.get(f, []):
                owners.setdefault(v, set()).add(e["id"])
    amb = extra.get("ambiguous_forms", {})
    shared = {v: ids for v, ids in owners.items() if len(ids) > 1}
    unlisted = sorted(set(shared) - set(amb))
    if unlisted:
        die("forms of two states not in ambiguous_forms: %s"
            % ", ".join("%s (%s)" % (v, "/".join(sorted(shared[v]))) for v in unlisted))
    for form, usual in amb.items():
        ids = shared.get(form)
        if not ids:
            die("ambiguous_forms: %r names fewer than two states" % form)
        if usual is not None and usual not in ids:
            die("ambiguous_forms: %r does not name %s" % (form, usual))
    for e in states:
        mine = [v for v in amb if e["id"] in shared.get(v, ()) and amb[v] != e["id"]]
        if mine:
            e["ambiguous"] = mine
    states = [{k: e[k] for k in ORDER if k in e} for e in states]
    return states


def dump(states):
    lines = ["{", '  "kgex_lexicon": 1,', '  "states": [']
    body = [
        "    " + json.dumps(s, ensure_ascii=False, separators=(", ", ": "))
        for s in states
    ]
    lines.append(",\n".join(body))
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default=DEFAULT_ISO)
    ap.add_argument("--extra", default=DEFAULT_EXTRA)
    ap.add_argument("--countries", default=DEFAULT_COUNTRIES)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if --out is out of date")
    args = ap.parse_args(argv)

    text = dump(build(args.iso, args.extra, args.countries))
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as fh:
                current = fh.read()
        except OSError:
            current = None
        if current != text:
            sys.stderr.write("gen_states: %s is out of date\n" % args.out)
            return 1
        return 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, args.out)
    n = text.count('"un_member": true')
    sys.stderr.write("gen_states: wrote %s (%d states, %d UN members)\n"
                     % (args.out, text.count('"iso3"'), n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
