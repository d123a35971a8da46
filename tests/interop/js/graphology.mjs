#!/usr/bin/env node
// graphology.mjs - Gephi Lite's importers read kgex output: graphology with
// graphology-graphml and graphology-gexf.
//
//   node graphology.mjs FILE.graphml FILE.gexf
//
// Both files come from one run with --analytics. Checks: node and edge
// counts equal those in the files, edges of different relations between the
// same two nodes stay apart, kinds and relations, attribute types (weight,
// pagerank numbers), GEXF viz colour/size/position and edge kind = relation.
// Prints "ok - ..." per check; exits 1 on any failure.
import fs from 'node:fs';
import { load } from './load.mjs';

const [graphmlFile, gexfFile] = process.argv.slice(2);
const graphology = await load('graphology');
const graphml = await load('graphology-graphml');
const gexf = await load('graphology-gexf');
const { MultiDirectedGraph } = graphology.ns.default ? graphology.ns.default : graphology.ns;
const KINDS = new Set(['state', 'organization', 'official', 'event']);
const RELATIONS = new Set(['member_of', 'official_of', 'attacked', 'appealed_to', 'stated', 'about']);
let failed = 0;
const report = (ok, name) => {
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
  if (!ok) failed++;
};
const count = (text, re) => (text.match(re) || []).length;

// GraphML
{
  const text = fs.readFileSync(graphmlFile, 'utf8');
  const g = graphml.mod.parse(MultiDirectedGraph, text);
  const name = `${graphmlFile}: graphology ${graphology.version} + graphology-graphml ${graphml.version}`;
  report(g.order === count(text, /<node /g) && g.size === count(text, /<edge /g),
    `${name} reads ${g.order} nodes, ${g.size} edges`);
  let kinds = true, types = true;
  g.forEachNode((n, a) => {
    kinds &&= KINDS.has(a.kind);
    types &&= typeof a.pagerank === 'number' && typeof a.mentions === 'number' &&
      Number.isInteger(a.community);
  });
  report(kinds, `${name}: every node has a known kind`);
  report(types, `${name}: pagerank, mentions, community are numbers`);
  let rels = true, weights = true;
  g.forEachEdge((e, a) => {
    rels &&= RELATIONS.has(a.relation);
    weights &&= typeof a.weight === 'number' && a.weight >= 1;
  });
  report(rels, `${name}: every edge has a known relation`);
  report(weights, `${name}: weight is a number >= 1`);
}

// GEXF
{
  const text = fs.readFileSync(gexfFile, 'utf8');
  const g = gexf.mod.parse(MultiDirectedGraph, text);
  const name = `${gexfFile}: graphology ${graphology.version} + graphology-gexf ${gexf.version}`;
  report(g.order === count(text, /<node /g) && g.size === count(text, /<edge /g),
    `${name} reads ${g.order} nodes, ${g.size} edges`);
  let viz = true, kinds = true, labels = true;
  g.forEachNode((n, a) => {
    viz &&= typeof a.color === 'string' && a.size > 0 && Number.isFinite(a.x) && Number.isFinite(a.y);
    kinds &&= KINDS.has(a.kind);
    labels &&= typeof a.label === 'string' && a.label.length > 0;
  });
  report(viz, `${name}: every node has viz color, size and x/y position`);
  report(kinds, `${name}: every node has a known kind`);
  report(labels, `${name}: every node has a label`);
  let kindIsRelation = true, weights = true;
  const pairs = new Map();
  g.forEachEdge((e, a, s, t) => {
    kindIsRelation &&= RELATIONS.has(a.kind) && a.kind === a.relation;
    weights &&= typeof a.weight === 'number' && a.weight >= 1;
    const key = `${s}\u0000${t}`;
    pairs.set(key, (pairs.get(key) || new Set()).add(a.kind));
  });
  report(kindIsRelation, `${name}: edge kind is the relation`);
  report(weights, `${name}: edge weight is a number >= 1`);
  const multi = [...pairs.values()].filter((k) => k.size > 1).length;
  // the same count, read from the file itself
  const inFile = new Map();
  for (const [tag] of text.matchAll(/<edge [^>]*>/g)) {
    const attr = (a) => (tag.match(new RegExp(` ${a}="([^"]*)"`)) || [])[1];
    const key = `${attr('source')}\u0000${attr('target')}`;
    inFile.set(key, (inFile.get(key) || new Set()).add(attr('kind')));
  }
  const multiInFile = [...inFile.values()].filter((k) => k.size > 1).length;
  report(multi === multiInFile,
    `${name}: ${multi} node pairs keep edges of several kinds apart (the file has ${multiInFile})`);
  // the biggest node is the one with the highest PageRank
  let best = null;
  g.forEachNode((n, a) => {
    if (!best || a.pagerank > best.pagerank) best = { ...a, id: n };
  });
  let maxSize = 0;
  g.forEachNode((n, a) => { maxSize = Math.max(maxSize, a.size); });
  report(!best || best.size === maxSize, `${name}: size follows PageRank (largest: ${best ? best.label : '-'})`);
}
process.exit(failed ? 1 : 0);
