#!/usr/bin/python3
"""Generate data/lexicon/places.json for kgex: places of states.

A place is a location of its state, never a stand-in for its government: a
strike on a place is a strike on the state. Three kinds, from public data:

  * subdivision: ISO 3166-2 subdivisions from Debian's iso-codes
    (/usr/share/iso-codes/json/iso_3166-2.json), with the English forms news
    uses: the name without diacritics and with English transliteration
    ("Tavuš" -> "Tavush"), its English translation where iso-codes has one
    ("Bayern" -> "Bavaria"), Russian, Ukrainian and Belarusian adjectival
    region names turned back into the city they are named after
    ("Belgorodskaja oblast'" -> "Belgorod", when GeoNames has that city in
    that state), and the name with its type ("Belgorod Oblast",
    "Belgorod region", "Tavush Province", "Hatay Province");
  * city: GeoNames cities of at least --min-population people
    (data/lexicon/src/cities15000.tsv), and every city that gives its name to
    a subdivision of its state (the usual case of a subdivision capital);
  * territory: dependent territories (states_extra.json "territories"),
    places of their sovereign, under their iso-codes and mledoze names.

Clash rules. A name is dropped when it is
  1. a name, alias, adjective, demonym, capital, seat or hand-kept city of a
     state (any state: the state lexicon decides those);
  2. a name, alias, acronym or adjective of an organization;
  3. a common English word (a lower-case entry of /usr/share/dict/words,
     package wamerican), compared case-insensitively ("Mobile", "Split");
  4. a common given name or surname (data/lexicon/src/person_names.txt);
  5. a word of an official title (titles.json: "General", "Marshal");
  6. shorter than 3 letters, or without a letter;
  7. a name of places of two different states (both are dropped);
and a place left with no name is dropped. The counts by reason are printed.

Output: data/lexicon/places.json (committed; the build does not run Python).
Usage: /usr/bin/python3 tools/gen_places.py [--check] [--min-population N] [--report]
Stdlib only.
"""

import argparse
import collections
import gettext
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LEX = os.path.join(ROOT, "data", "lexicon")
SRC = os.path.join(LEX, "src")
ISO1 = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO2 = "/usr/share/iso-codes/json/iso_3166-2.json"
WORDS = "/usr/share/dict/words"
OUT = os.path.join(LEX, "places.json")

# Subdivision types as English news writes them after the name; the first
# is the main form. Types not listed give only the bare name.
TYPE_WORDS = {
    "Province": ["Province", "province"],
    "Region": ["Region", "region", "Province"],
    "Administrative region": ["Oblast", "region"],
    "Oblast": ["Oblast", "region"],
    "Governorate": ["Governorate", "governorate", "Province"],
    "State": ["State", "state"],
    "Prefecture": ["Prefecture"],
    "Department": ["Department"],
    "County": ["County"],
    "District": ["District"],
    "Autonomous region": ["Autonomous Region", "region"],
    "Autonomous republic": ["Autonomous Republic"],
    "Republic": ["Republic"],
    "Territory": ["Territory"],
    "Federal district": ["Federal District"],
    "Autonomous district": ["Autonomous District", "Autonomous Okrug"],
    "Autonomous province": ["Autonomous Province"],
    "Regional state": ["Region", "region"],
    "Division": ["Division", "division"],
    "Voivodship": ["Voivodeship", "Voivodship"],
    "Canton": ["Canton", "canton"],
    "Land": ["State", "state"],
    "Rayon": ["District", "district"],
    "Administrative territory": ["Krai", "Territory", "region"],
}
# States whose iso-codes names are ISO 9 romanizations of Cyrillic: x is
# written kh and c ts in English ("Habarovsk" -> "Khabarovsk").
CYRILLIC = ("RU", "UA", "BY", "KZ", "KG", "TJ", "BG", "MK", "RS", "MN")
# An oblast is called so in English news in these states.
OBLAST = ("RU", "UA", "BY", "KZ", "KG", "BG")
# Words of iso-codes names that are the type, in the local language.
TYPE_SUFFIXES = ("oblast'", "oblast", "oblysy", "kraj", "kray", "kraï", "respublika", "vobłasć",
                 "voblasts", "avtonomnyj okrug", "avtonomnyy okrug", "avtonomnaja oblast'",
                 "avtonomnaya oblast", "Respublika", "Zizhiqu", "Sheng",
                 "Shi", "Uygur", "Huizu", "Zhuangzu", "Municipality", "Region", "Province",
                 "Governorate", "District", "City", "region", "province", "state", "State")
TRANSLIT = {"š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh", "č": "ch", "Č": "Ch", "ş": "s", "Ş": "S",
            "ğ": "g", "ı": "i", "İ": "I", "ḩ": "h", "Ḩ": "H", "ţ": "t", "Ţ": "T", "ł": "l",
            "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d", "Đ": "D",
            "ð": "d", "þ": "th", "ı": "i"}
APOSTROPHES = "'ʻʼ‘’`ʿʾ"


def die(msg):
    sys.stderr.write("gen_places: error: %s\n" % msg)
    sys.exit(1)


def englishize(s, cyrillic=False):
    """'Tavuš' -> 'Tavush', 'Ḩalab' -> 'Halab', "Belgorodskaja oblast'" ->
    "Belgorodskaya oblast"; with cyrillic, 'Habarovskij' -> 'Khabarovskiy'."""
    if cyrillic:
        s = re.sub(r"(?<![zcsZCS])h", "kh", s)
        s = re.sub(r"\bH", "Kh", s)
        s = re.sub(r"c(?!h)", "ts", s)
        s = re.sub(r"\bC(?!h)", "Ts", s)
        s = re.sub(r"ij\b", "iy", s)
        s = re.sub(r"ija\b", "ia", s)
        s = s.replace("ë", "yo").replace("ju", "yu").replace("Ju", "Yu").replace("ja", "ya")
        s = s.replace("Ja", "Ya").replace("j", "y").replace("J", "Y")
    s = "".join(TRANSLIT.get(ch, ch) for ch in s)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = "".join(ch for ch in s if ch not in APOSTROPHES)
    return re.sub(r"\s+", " ", s).strip()


def strip_type(name):
    """The name without a trailing or leading local type word."""
    changed = True
    while changed:
        changed = False
        for suf in TYPE_SUFFIXES:
            if name.endswith(" " + suf):
                name, changed = name[: -len(suf) - 1].strip(), True
            elif name.startswith(suf + " ") and suf[0].isupper():
                name, changed = name[len(suf) + 1:].strip(), True
    return name


def adjectival_stems(name):
    """City names a Slavic adjectival region name may come from:
    'Belgorodskaya' -> 'Belgorod', 'Kurskaya' -> 'Kursk', 'Donetska' -> 'Donetsk',
    'Kharkivska' -> 'Kharkiv'."""
    out = []
    for suf, rep in (("skaya", ""), ("skaya", "sk"), ("skaya", "s"), ("tskaya", "tsk"), ("aya", ""),
                     ("skiy", ""), ("skiy", "sk"), ("ska", ""), ("ska", "sk"), ("ka", "k"),
                     ("skyi", ""), ("ska", "s")):
        if name.endswith(suf) and len(name) > len(suf) + 2:
            out.append(name[: -len(suf)] + rep)
    return out


def load_json(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def state_forms(states):
    """Every surface string of every state (lower case) -> state ids."""
    out = collections.defaultdict(set)
    for s in states:
        for f in ("name", "official_name"):
            if s.get(f):
                out[s[f].lower()].add(s["id"])
        for f in ("aliases", "adjectives", "demonyms", "capitals", "seats", "cities"):
            for v in s.get(f, []):
                out[v.lower()].add(s["id"])
    return out


def org_forms(orgs):
    out = set()
    for o in orgs:
        out.add(o["name"].lower())
        for f in ("aliases", "acronyms", "adjectives"):
            for v in o.get(f, []):
                out.add(v.lower())
    return out


def read_lines(path):
    with open(path, encoding="utf-8") as fh:
        return [l.rstrip("\n") for l in fh if l.strip() and not l.startswith("#")]


class Places:
    def __init__(self):
        self.entries = []  # dicts: name, aliases, state, kind, code, geonames

    def add(self, state, kind, names, code=None, geonames=None):
        names = [n for i, n in enumerate(names) if n and n not in names[:i]]
        if names:
            self.entries.append({"state": state, "kind": kind, "names": names, "code": code,
                                 "geonames": geonames})


def build(args):
    iso1 = {e["alpha_2"]: e["alpha_3"] for e in load_json(ISO1)["3166-1"]}
    iso1_entries = {e["alpha_3"]: e for e in load_json(ISO1)["3166-1"]}
    iso2 = load_json(ISO2)["3166-2"]
    extra = load_json(os.path.join(SRC, "states_extra.json"))
    mledoze = {c["cca3"]: c for c in load_json(os.path.join(SRC, "countries.json"))}
    states = load_json(os.path.join(LEX, "states.json"))["states"]
    orgs = load_json(os.path.join(LEX, "organizations.json"))["organizations"]
    titles = load_json(os.path.join(LEX, "titles.json"))["titles"]
    state_ids = {s["id"] for s in states}
    try:
        en = gettext.translation("iso_3166-2", "/usr/share/locale", languages=["en"])
    except OSError:
        en = gettext.NullTranslations()

    # cities: GeoNames, by state
    cities = collections.defaultdict(list)  # alpha-3 -> [(name, pop, id)]
    for line in read_lines(os.path.join(SRC, "cities15000.tsv")):
        gid, name, cc, pop = line.split("\t")
        a3 = iso1.get(cc)
        if cc == "XK":
            a3 = "XKX"
        if a3 in state_ids:
            cities[a3].append((name, int(pop), int(gid)))
    city_names = {a3: {englishize(n).lower(): (n, p, g) for n, p, g in lst}
                  for a3, lst in cities.items()}

    places = Places()
    capitals_added = set()
    contested_codes = set(extra.get("contested", {}).get("codes", []))
    contested_cities = set(extra.get("contested", {}).get("cities", []))
    dropped_contested = []
    # subdivisions
    for e in iso2:
        a3 = iso1.get(e["code"][:2])
        if a3 not in state_ids:
            continue
        if e["code"] in contested_codes:
            dropped_contested.append(e["code"])
            continue
        cc = e["code"][:2]
        cyr = cc in CYRILLIC
        local = e["name"]
        english = en.gettext(local)
        names = []
        base_forms = list(extra.get("subdivision_names", {}).get(e["code"], []))
        if english != local and "," not in english:
            base_forms.append(english)
        republic = local.endswith(", Respublika")
        bare = strip_type(englishize(local.replace(", Respublika", ""), cyr))
        if "," in bare or "(" in bare:
            bare = ""
        city = None
        if bare:
            stems = adjectival_stems(bare) if cyr and not republic else []
            for stem in stems:
                if stem.lower() in city_names.get(a3, {}):
                    city = city_names[a3][stem.lower()]
                    bare = englishize(city[0])
                    break
            else:
                if stems and bare.lower() not in city_names.get(a3, {}):
                    # an adjective form news does not use alone
                    bare = ""
        if bare:
            base_forms.append(bare)
        types = list(TYPE_WORDS.get(e["type"], []))
        if cc in OBLAST and "oblast" in local.lower():
            types = ["Oblast", "region"] + types
        if republic:
            types = ["Republic"]
        derived = base_forms[len(extra.get("subdivision_names", {}).get(e["code"], [])):]
        for b in base_forms:
            names.append(b)
            if b in derived:
                for w in types:
                    names.append("%s %s" % (b, w))
            if republic and b in derived:
                names.append("Republic of %s" % b)
        # the city that gives the subdivision its name
        for b in base_forms:
            c = city_names.get(a3, {}).get(b.lower())
            if c and (a3, c[0]) not in capitals_added and "%s:%s" % (a3, c[0]) not in contested_cities:
                capitals_added.add((a3, c[0]))
                places.add(a3, "city", [englishize(c[0])] + ([c[0]] if c[0] != englishize(c[0]) else []),
                           geonames=c[2])
        # the subdivision's own entry: typed forms first, the bare name last
        typed = [n for n in names if n not in base_forms]
        places.add(a3, "subdivision", (typed[:1] + base_forms + typed[1:]) if typed else names,
                   code=e["code"])
    # cities by population
    for a3, lst in sorted(cities.items()):
        for name, pop, gid in lst:
            if "%s:%s" % (a3, name) in contested_cities or "%s:%s" % (a3, englishize(name)) in contested_cities:
                dropped_contested.append(name)
                continue
            if pop >= args.min_population and (a3, name) not in capitals_added:
                capitals_added.add((a3, name))
                eng = englishize(name)
                places.add(a3, "city", [eng] + ([name] if name != eng else []), geonames=gid)
    # dependent territories
    for code, sov in sorted(extra.get("territories", {}).items()):
        if sov is None:
            continue
        i = iso1_entries.get(code, {})
        m = mledoze.get(code, {})
        names = []
        for n in (i.get("common_name"), i.get("name"), m.get("name", {}).get("common"),
                  m.get("name", {}).get("official"), i.get("official_name")):
            if n and "," not in n and "(" not in n:
                names.append(n)
        for n in m.get("altSpellings", []):
            if len(n) > 3 and "," not in n and n[0].isupper() and re.search(r"[a-z]", n):
                names.append(n)
        places.add(sov, "territory", names)

    # ---- clash rules
    sforms = state_forms(states)
    oforms = org_forms(orgs)
    words = set()
    if os.path.exists(WORDS):
        words = {w for w in read_lines(WORDS) if w.islower()}
    else:
        die("%s is missing (Debian package wamerican)" % WORDS)
    people = {n.lower() for n in read_lines(os.path.join(SRC, "person_names.txt"))}
    title_words = set()
    for t in titles:
        for w in re.findall(r"[A-Za-z]+", t["title"]):
            if w[0].isupper():
                title_words.add(w.lower())

    dropped = collections.Counter()
    examples = collections.defaultdict(list)
    dropped["contested"] = len(dropped_contested)
    examples["contested"] = dropped_contested[:12]

    def reason(name):
        low = name.lower()
        letters = re.sub(r"[^A-Za-z\u00c0-\uffff]", "", name)
        if len(letters) < 3:
            return "short"
        if low in sforms:
            return "state form"
        if low in oforms:
            return "organization"
        single = " " not in name and "-" not in name
        if single and low in words:
            return "English word"
        if single and low in people:
            return "person name"
        if single and low in title_words:
            return "title word"
        return None

    owners = collections.defaultdict(set)
    for p in places.entries:
        for n in p["names"]:
            owners[n.lower()].add(p["state"])
    out = []
    seen = set()  # (state, lower name): a name once per state
    for p in places.entries:
        kept = []
        for n in p["names"]:
            r = reason(n)
            if r is None and len(owners[n.lower()]) > 1:
                r = "places of two states"
            if r is None and (p["state"], n.lower()) in seen:
                r = "repeated"
            if r:
                dropped[r] += 1
                if len(examples[r]) < 12:
                    examples[r].append("%s (%s)" % (n, p["state"]))
                continue
            seen.add((p["state"], n.lower()))
            kept.append(n)
        if not kept:
            dropped["place without a name left"] += 1
            continue
        e = {"name": kept[0]}
        if kept[1:]:
            e["aliases"] = kept[1:]
        e["state"] = p["state"]
        e["kind"] = p["kind"]
        if p["code"]:
            e["code"] = p["code"]
        if p["geonames"]:
            e["geonames"] = p["geonames"]
        out.append(e)
    out.sort(key=lambda e: (e["state"], {"territory": 0, "subdivision": 1, "city": 2}[e["kind"]],
                            e.get("code", ""), e["name"]))
    return out, dropped, examples


def dump(places):
    body = ",\n".join("    " + json.dumps(p, ensure_ascii=False, separators=(", ", ": "))
                      for p in places)
    return '{\n  "kgex_lexicon": 1,\n  "places": [\n' + body + "\n  ]\n}\n"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--min-population", type=int, default=100000)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if --out is out of date")
    ap.add_argument("--report", action="store_true", help="print the counts and examples")
    args = ap.parse_args(argv)

    places, dropped, examples = build(args)
    text = dump(places)
    if args.report or not args.check:
        kinds = collections.Counter(p["kind"] for p in places)
        names = sum(1 + len(p.get("aliases", [])) for p in places)
        sys.stderr.write("gen_places: %d places (%s), %d names, %d states\n"
                         % (len(places), ", ".join("%d %s" % (n, k) for k, n in sorted(kinds.items())),
                            names, len({p["state"] for p in places})))
        sys.stderr.write("gen_places: names dropped: %s\n"
                         % ", ".join("%s %d" % (r, n) for r, n in dropped.most_common()))
        if args.report:
            for r, ex in sorted(examples.items()):
                sys.stderr.write("  %s: %s\n" % (r, ", ".join(ex)))
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as fh:
                current = fh.read()
        except OSError:
            current = None
        if current != text:
            sys.stderr.write("gen_places: %s is out of date\n" % args.out)
            return 1
        return 0
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
