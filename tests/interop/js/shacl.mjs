#!/usr/bin/env node
// shacl.mjs - check JSON-LD files against schemas/shapes.ttl with
// rdf-validate-shacl, offline (jsonld.js toRDF, n3 for the Turtle).
//
//   node shacl.mjs SHAPES.ttl [--expect-fail] FILE.jsonld...
//
// Each file must conform (or, with --expect-fail, must not, with at least
// 5 violations). Prints "ok - ..." per file; exits 1 on any failure.
import fs from 'node:fs';
import { load } from './load.mjs';

const args = process.argv.slice(2);
const shapesFile = args.shift();
const expectFail = args[0] === '--expect-fail';
if (expectFail) args.shift();
const jsonld = (await load('jsonld')).mod;
const n3 = (await load('n3')).ns;
const shacl = await load('rdf-validate-shacl');
const SHACLValidator = shacl.mod;
const documentLoader = async (url) => {
  throw new Error(`remote document refused: ${url}`);
};
const parse = (text, format) => new n3.Store(new n3.Parser({ format }).parse(text));
const shapes = parse(fs.readFileSync(shapesFile, 'utf8'), 'text/turtle');
let failed = 0;
for (const file of args) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nq = await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader, safe: !expectFail });
  const data = parse(nq, 'application/n-quads');
  const report = await new SHACLValidator(shapes).validate(data);
  const n = report.results.length;
  const ok = expectFail ? !report.conforms && n >= 5 : report.conforms;
  console.log(`${ok ? 'ok' : 'not ok'} - ${file}: rdf-validate-shacl ${shacl.version}: ` +
    `${report.conforms ? 'conforms' : `${n} violations`}${expectFail ? ' (must fail)' : ''} (${data.size} triples)`);
  if (!ok) {
    failed++;
    for (const r of report.results.slice(0, 5)) {
      console.log(`#   ${r.focusNode && r.focusNode.value} ${r.path && r.path.value}: ${r.message.map((m) => m.value).join('; ')}`);
    }
  } else if (expectFail) {
    for (const r of report.results) console.log(`#   caught: ${r.path && r.path.value.replace(/.*[#/]/, '')} on ${r.focusNode.value.replace(/.*\/id\//, '')}`);
  }
}
process.exit(failed ? 1 : 0);
