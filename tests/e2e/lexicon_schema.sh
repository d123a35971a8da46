#!/usr/bin/env bash
# lexicon_schema.sh - kgex's own check of --lexicon files agrees with
# schemas/lexicon.schema.json: for each document below, jsonschema (the
# schema) and `kgex --lexicon` (the C loader) both accept it or both reject
# it, and kgex's rejection names the file and the field.
set -euo pipefail
src=${KGEX_SOURCE_DIR:?}
bin=${KGEX_BIN:?}
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Armenia and Ruritania signed a treaty.\n' >"$tmp/in.txt"

pass=0
fail=0
# case NAME VERDICT(ok|bad) FIELD JSON
case_() {
    local name=$1 want=$2 field=$3 json=$4 schema_says kgex_says rc=0
    printf '%s\n' "$json" >"$tmp/lex.json"
    if "$py" - "$src/schemas/lexicon.schema.json" "$tmp/lex.json" <<'PY'; then schema_says=ok; else schema_says=bad; fi
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
try:
    doc = json.load(open(sys.argv[2], encoding="utf-8-sig"))  # a byte order mark is allowed
    jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
except Exception:
    sys.exit(1)
PY
    "$bin" -q --lexicon "$tmp/lex.json" -o "$tmp/out.graphml" "$tmp/in.txt" 2>"$tmp/err" || rc=$?
    if [ "$rc" -eq 0 ]; then kgex_says=ok; else kgex_says=bad; fi
    if [ "$schema_says" = "$want" ] && [ "$kgex_says" = "$want" ] &&
        { [ "$want" = ok ] || { [ "$rc" -eq 3 ] && grep -q "lex.json" "$tmp/err" && grep -q -- "$field" "$tmp/err"; }; }; then
        echo "ok - $name"
        pass=$((pass + 1))
    else
        echo "not ok - $name (schema: $schema_says, kgex: $kgex_says exit $rc, want $want): $(cat "$tmp/err")"
        fail=$((fail + 1))
    fi
}

case_ "a new state" ok "" '{"kgex_lexicon": 1, "states": [{"id": "RUR", "name": "Ruritania", "iso3": "RUR", "un_member": false, "adjectives": ["Ruritanian"]}]}'
case_ "an organization with a state" ok "" '{"kgex_lexicon": 1, "organizations": [{"id": "rur-army", "name": "Royal Ruritanian Army", "type": "military", "state": "ARM"}]}'
case_ "titles and triggers" ok "" '{"kgex_lexicon": 1, "titles": [{"title": "Grand Vizier", "class": "office"}], "triggers": [{"relation": "stated", "pos": "verb", "forms": ["proclaimed"], "cameo": "010"}]}'
case_ "missing version" bad "kgex_lexicon" '{"states": []}'
case_ "unknown section" bad "countries" '{"kgex_lexicon": 1, "countries": []}'
case_ "unknown field" bad "colour" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X Council", "type": "other", "colour": "red"}]}'
case_ "missing name" bad "name" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "type": "other"}]}'
case_ "empty alias" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": [""]}]}'
case_ "lower-case iso3" bad "iso3" '{"kgex_lexicon": 1, "states": [{"id": "RUR", "name": "Ruritania", "iso3": "rur", "un_member": false}]}'
case_ "bad organization id" bad "id" '{"kgex_lexicon": 1, "organizations": [{"id": "Bad Id", "name": "X", "type": "other"}]}'
case_ "bad organization type" bad "type" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "club"}]}'
case_ "bad title class" bad "class" '{"kgex_lexicon": 1, "titles": [{"title": "Chief", "class": "boss"}]}'
case_ "bad relation" bad "relation" '{"kgex_lexicon": 1, "triggers": [{"relation": "likes", "pos": "verb", "forms": ["likes"]}]}'
case_ "bad cameo" bad "cameo" '{"kgex_lexicon": 1, "triggers": [{"relation": "stated", "pos": "verb", "forms": ["said"], "cameo": "x1"}]}'
case_ "bad wikidata" bad "wikidata" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "wikidata": "399"}]}'
case_ "bad state of an organization" bad "state" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "military", "state": "armenia"}]}'
case_ "not an object" bad "top level" '[1, 2]'
case_ "a place, an official, a parent, an armed group" ok "" '{"kgex_lexicon": 1, "states": [{"id": "RUR", "name": "Ruritania", "iso3": "RUR", "un_member": false}], "organizations": [{"id": "zc", "name": "Zenda Compact", "type": "intergovernmental"}, {"id": "zc-council", "name": "Zenda Council", "type": "intergovernmental", "parent": "zc"}, {"id": "elks", "name": "Black Elk Brigade", "type": "armed_group", "adjectives": ["Black Elk"], "acronyms": ["BEB"], "ambiguous": ["BEB"]}], "places": [{"name": "Zenda Oblast", "aliases": ["Zenda region"], "state": "RUR", "kind": "subdivision", "code": "RU-ZEN"}], "officials": [{"name": "Rudolf Rassendyll", "aliases": ["Rudolph Rassendyll"], "wikidata": "Q1", "roles": [{"of": "state/RUR", "title": "President", "from": "2008-05", "to": "2012-05-07"}, {"of": "org/zc", "title": "Chairman", "from": "2010"}]}]}'
case_ "stopwords in capitals are acronyms" ok "" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X Council", "type": "other", "acronyms": ["WHO", "US", "IT"]}]}'
case_ "a name with a stopword in it" ok "" '{"kgex_lexicon": 1, "places": [{"name": "The Hague", "state": "ARM", "kind": "city"}]}'
case_ "leading space" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": [" X"]}]}'
case_ "trailing space" bad "name" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X ", "type": "other"}]}'
case_ "line break" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": ["A\nB"]}]}'
case_ "tab" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": ["A\tB"]}]}'
case_ "no-break space inside" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": ["A\u00a0B"]}]}'
case_ "no-break space at the end" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": ["AB\u00a0"]}]}'
case_ "duplicate alias" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": ["Y", "Y"]}]}'
case_ "stopword alias" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": ["the"]}]}'
case_ "capitalized stopword" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": ["The"]}]}'
case_ "punctuation alias" bad "aliases" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "aliases": [","]}]}'
case_ "stopword phrase" bad "aliases" '{"kgex_lexicon": 1, "states": [{"id": "RUR", "name": "Ruritania", "iso3": "RUR", "un_member": false, "aliases": ["Of the"]}]}'
case_ "bad place kind" bad "kind" '{"kgex_lexicon": 1, "places": [{"name": "Zenda", "state": "ARM", "kind": "town"}]}'
case_ "bad subdivision code" bad "code" '{"kgex_lexicon": 1, "places": [{"name": "Zenda", "state": "ARM", "kind": "subdivision", "code": "Zenda"}]}'
case_ "place without a state" bad "state" '{"kgex_lexicon": 1, "places": [{"name": "Zenda", "kind": "city"}]}'
case_ "bad geonames id" bad "geonames" '{"kgex_lexicon": 1, "places": [{"name": "Zenda", "state": "ARM", "kind": "city", "geonames": 0}]}'
case_ "official without roles" bad "roles" '{"kgex_lexicon": 1, "officials": [{"name": "Aram Petrosyan", "roles": []}]}'
case_ "role of a bare code" bad "of" '{"kgex_lexicon": 1, "officials": [{"name": "Aram Petrosyan", "roles": [{"of": "ARM", "title": "Mayor"}]}]}'
case_ "bad role date" bad "from" '{"kgex_lexicon": 1, "officials": [{"name": "Aram Petrosyan", "roles": [{"of": "state/ARM", "title": "Mayor", "from": "2020-13"}]}]}'
case_ "role without a title" bad "title" '{"kgex_lexicon": 1, "officials": [{"name": "Aram Petrosyan", "roles": [{"of": "state/ARM"}]}]}'
case_ "bad organization type armed" bad "type" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "armed group"}]}'
case_ "bad parent" bad "parent" '{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X", "type": "other", "parent": "Not A Slug"}]}'
printf '\xef\xbb\xbf{"kgex_lexicon": 1, "organizations": [{"id": "x", "name": "X Council", "type": "other"}]}' >"$tmp/bom.json"
if "$bin" -q --lexicon "$tmp/bom.json" -o "$tmp/out.graphml" "$tmp/in.txt"; then
    echo "ok - a byte order mark"; pass=$((pass + 1))
else
    echo "not ok - a byte order mark"; fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
