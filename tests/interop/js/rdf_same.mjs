#!/usr/bin/env node
// rdf_same.mjs - jsonld.js toRDF of kgex's JSON-LD gives the same triples as
// kgex's N-Triples, and kgex's N-Quads hold the same triples in named
// graphs (one per document) plus the default graph.
//
//   node rdf_same.mjs FILE.jsonld FILE.nt FILE.nq
//
// Prints "ok - ..." per check; exits 1 on a difference.
import fs from 'node:fs';
import { load } from './load.mjs';

const [jsonldFile, ntFile, nqFile] = process.argv.slice(2);
const { mod: jsonld, version } = await load('jsonld');
const documentLoader = async (url) => {
  throw new Error(`remote document refused: ${url}`);
};
let failed = 0;
const report = (ok, name, detail) => {
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
  if (!ok) {
    failed++;
    if (detail) console.log(detail.split('\n').map((l) => `#   ${l}`).join('\n'));
  }
};
const lines = (text) => text.split('\n').filter((l) => l.trim() !== '');
// "S P O G ." -> "S P O ." and the graph
const quadRe = /^(.*?) (<[^>]*>) \.$/;

const doc = JSON.parse(fs.readFileSync(jsonldFile, 'utf8'));
const fromJsonld = new Set(
  lines(await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader, safe: true })),
);
const nt = new Set(lines(fs.readFileSync(ntFile, 'utf8')));
const missing = [...fromJsonld].filter((t) => !nt.has(t));
const extra = [...nt].filter((t) => !fromJsonld.has(t));
report(
  missing.length === 0 && extra.length === 0 && nt.size > 0,
  `${ntFile}: N-Triples = jsonld.js ${version} toRDF of the JSON-LD (${nt.size} triples)`,
  `missing: ${missing.slice(0, 5).join('\n')}\nextra: ${extra.slice(0, 5).join('\n')}`,
);
const inGraphs = new Set();
const graphs = new Set();
let bad = 0;
for (const line of lines(fs.readFileSync(nqFile, 'utf8'))) {
  const m = line.match(/^(<[^>]*> <[^>]*> .*) (<https:\/\/w3id\.org\/kgex\/doc\/[^>]*>) \.$/);
  if (m) {
    inGraphs.add(`${m[1]} .`);
    graphs.add(m[2]);
  } else if (quadRe.test(line) || line.endsWith(' .')) {
    inGraphs.add(line);
  } else {
    bad++;
  }
}
const diff = [...inGraphs].filter((t) => !nt.has(t)).length + [...nt].filter((t) => !inGraphs.has(t)).length;
report(diff === 0 && bad === 0, `${nqFile}: N-Quads hold the same ${nt.size} triples, ${graphs.size} document graphs`);
process.exit(failed ? 1 : 0);
