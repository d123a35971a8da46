#!/usr/bin/env node
/*
 * check_jsonld.js - check kgex JSON-LD files with jsonld.js, offline.
 *
 *   node check_jsonld.js FILE.jsonld...
 *
 * For each file: expand it with a document loader that refuses every remote
 * URL (kgex output must carry its whole context inline), require a non-empty
 * expansion in which every node @id is an absolute IRI, then convert it to
 * N-Quads and require at least one quad. Prints "FILE: N quads"; exits 1 on
 * any failure. Run `npm ci` in this directory first.
 */
'use strict';

const fs = require('fs');
const jsonld = require('jsonld');

const documentLoader = async (url) => {
  throw new Error(`remote document refused: ${url}`);
};

const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;

/* Every "@id" in an expanded document (node objects and IRI values). */
function collectIds(value, out) {
  if (Array.isArray(value)) {
    value.forEach((v) => collectIds(v, out));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '@id') {
        out.push(v);
      } else {
        collectIds(v, out);
      }
    }
  }
  return out;
}

async function check(file) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const expanded = await jsonld.expand(doc, {documentLoader, safe: true});
  if (!Array.isArray(expanded) || expanded.length === 0) {
    throw new Error('expansion is empty');
  }
  const ids = collectIds(expanded, []);
  if (ids.length === 0) {
    throw new Error('expansion has no @id');
  }
  for (const id of ids) {
    if (typeof id !== 'string' || !ABSOLUTE_IRI.test(id)) {
      throw new Error(`not an absolute IRI: ${JSON.stringify(id)}`);
    }
  }
  const nquads = await jsonld.toRDF(doc, {
    format: 'application/n-quads',
    documentLoader,
    safe: true,
  });
  const count = nquads.split('\n').filter((line) => line.trim() !== '').length;
  if (count === 0) {
    throw new Error('no quads');
  }
  return count;
}

async function main(files) {
  if (files.length === 0) {
    console.error('usage: node check_jsonld.js FILE.jsonld...');
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      const n = await check(file);
      console.log(`${file}: ${n} quads`);
    } catch (e) {
      console.error(`${file}: ${e && e.message ? e.message : e}`);
      status = 1;
    }
  }
  return status;
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
