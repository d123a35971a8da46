#!/usr/bin/env node
// oxigraph.mjs - load kgex's N-Quads into Oxigraph (an RDF graph database)
// and answer SPARQL queries whose answers examples/README.md states.
//
//   node oxigraph.mjs FILE.nq [examples/README.md]
//
// Without the README: load, count, and check the generic queries run.
// With it: every "official_of", "member_of", "attacked" and "appealed_to"
// line of its Relations section and every speaker of its Statements section
// must be an answer; Azerbaijan attacked a CSTO member; the attack was
// stated in two document graphs. Prints "ok - ..." per check; exits 1 on
// any failure.
import fs from 'node:fs';
import { load } from './load.mjs';

const [nqFile, readme] = process.argv.slice(2);
const ox = await load('oxigraph');
const store = new ox.mod.Store();
store.load(fs.readFileSync(nqFile, 'utf8'), { format: 'application/n-quads' });
const name = `${nqFile}: Oxigraph ${ox.version}`;
let failed = 0;
const report = (ok, what) => {
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}: ${what}`);
  if (!ok) failed++;
};
const PREFIX = 'PREFIX kgex: <https://w3id.org/kgex/ns#> PREFIX schema: <https://schema.org/>\n' +
  'PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n';
const select = (q) =>
  [...store.query(PREFIX + q, { use_default_graph_as_union: true })].map((b) => {
    const row = {};
    for (const [k, v] of b) row[k] = v.value;
    return row;
  });
const norm = (s) => s.replace(/\u2019/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
// every name (label or alias) of every subject
const names = new Map();
for (const r of select('SELECT ?s ?n WHERE { ?s schema:name|schema:alternateName ?n }')) {
  if (!names.has(r.s)) names.set(r.s, new Set());
  names.get(r.s).add(norm(r.n));
}
const named = (iri, n) => names.has(iri) && names.get(iri).has(norm(n));

report(store.size > 0, `loaded ${store.size} quads`);
const pairs = (pred) => select(`SELECT ?s ?o WHERE { ?s ${pred} ?o }`);
const officials = pairs('kgex:officialOf');
const speakers = select('SELECT DISTINCT ?s WHERE { ?s kgex:stated ?e . ?e schema:text ?q }');
// the same answers, read from the N-Quads text itself
const quads = fs.readFileSync(nqFile, 'utf8').split('\n')
  .map((l) => l.match(/^(<[^>]*>|_:\S+) <([^>]*)> (<[^>]*>|_:\S+|".*) (<[^>]*>|_:\S+) \.$/)
    || l.match(/^(<[^>]*>|_:\S+) <([^>]*)> (<[^>]*>|_:\S+|".*) \.$/))
  .filter(Boolean);
const KG = 'https://w3id.org/kgex/ns#';
const distinct = (rows) => new Set(rows).size;
const officialPairs = distinct(quads.filter((q) => q[2] === KG + 'officialOf').map((q) => q[1] + ' ' + q[3]));
const quoted = new Set(quads.filter((q) => q[2] === 'https://schema.org/text').map((q) => q[1]));
const speakersInFile = distinct(quads.filter((q) => q[2] === KG + 'stated' && quoted.has(q[3])).map((q) => q[1]));
const officialAnswers = distinct(officials.map((r) => r.s + ' ' + r.o));
report(officialAnswers === officialPairs,
  `which officials serve which organization or state: ${officialAnswers} pairs (the file has ${officialPairs})`);
report(speakers.length === speakersInFile,
  `who made statements: ${speakers.length} answers (the file has ${speakersInFile})`);

if (readme) {
  const term = { member_of: 'schema:memberOf', official_of: 'kgex:officialOf', attacked: 'kgex:attacked', appealed_to: 'kgex:appealedTo' };
  let section = null;
  for (const line of fs.readFileSync(readme, 'utf8').split('\n')) {
    const h = line.match(/^#{2,3} (.*)/);
    if (h) { section = h[1].trim(); continue; }
    if (!line.startsWith('- ')) continue;
    if (section === 'Relations') {
      const m = line.slice(2).match(/^(\w+): (.+?) -> (.+?)(?: \(date (\d{4}-\d\d-\d\d)\))?$/);
      if (!m || !term[m[1]]) continue;
      const found = pairs(term[m[1]]).some((r) => named(r.s, m[2]) && named(r.o, m[3]));
      report(found, `SPARQL ?s ${term[m[1]]} ?o answers ${m[2]} -> ${m[3]}`);
    } else if (section === 'Statements') {
      for (const who of line.slice(2).split(':')[1].split(';').map((s) => s.trim()).filter(Boolean)) {
        report(speakers.some((r) => named(r.s, who)), `SPARQL "who made statements" answers ${who}`);
      }
    }
  }
  const attacks = select(`SELECT ?a ?v ?org WHERE { ?a kgex:attacked ?v . ?a kgex:kind "state" .
                          ?v schema:memberOf ?org }`);
  report(attacks.some((r) => named(r.a, 'Azerbaijan') && named(r.v, 'Armenia') &&
                             named(r.org, 'Collective Security Treaty Organization')),
    'which states attacked a member of an organization: Azerbaijan attacked Armenia, a CSTO member');
  const docs = [...store.query(PREFIX + `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a kgex:attacked ?v } }`)]
    .map((b) => decodeURIComponent(b.get('g').value));
  // the README's own queries: answers, and no row twice
  const blocks = [...fs.readFileSync(readme.replace(/examples\/README\.md$/, 'README.md'), 'utf8')
    .matchAll(/```sparql\n([\s\S]*?)```/g)].map((m) => m[1]);
  report(blocks.length >= 2, `the README has ${blocks.length} SPARQL examples`);
  blocks.forEach((q, k) => {
    const rows = [...store.query(q, { use_default_graph_as_union: true })]
      .map((b) => JSON.stringify([...b].map(([key, v]) => [key, v.value])));
    report(rows.length > 0 && new Set(rows).size === rows.length,
      `README SPARQL example ${k + 1}: ${rows.length} rows, ${new Set(rows).size} distinct`);
  });
  const dated = select(`SELECT ?a ?v ?d WHERE { ?r kgex:relation "attacked" ; kgex:source ?a ;
    kgex:target ?v ; kgex:date ?d . FILTER(?d >= "2024-03-03"^^xsd:date) }`);
  report(dated.some((r) => named(r.a, 'Azerbaijan') && named(r.v, 'Armenia')),
    'dates are typed: FILTER(?d >= "2024-03-03"^^xsd:date) finds the attack on Armenia');
  report(docs.length === 2 && docs.some((d) => d.includes('01_tavush_shelling')) &&
         docs.some((d) => d.includes('03_invasion_condemned')),
    `the attack is stated in 2 document graphs (01, 03): ${docs.length}`);
}
process.exit(failed ? 1 : 0);
