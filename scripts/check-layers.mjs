#!/usr/bin/env node
// The layer rules of DESIGN §4 beyond the pure core (check-core-purity.mjs):
// - Dexie is imported only inside src/storage; everything else goes through its `Store` port and
//   the functions of src/storage/index.ts (static, type-only and dynamic imports alike).
// - src/storage imports nothing of the layers above it (sync, exchange, ui, report, cli).
// - src/sync (replication) imports nothing of its transports or the UI (exchange, ui, cli): bundles
//   and the hub client sit on top of it, never the other way round.
// Usage: node scripts/check-layers.mjs [srcDir]   (default: src)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SRC = process.argv[2] ?? 'src';
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

const RULES = [
  {
    name: 'Dexie only inside src/storage',
    applies: (layer) => layer !== 'storage',
    forbidden: (spec) => spec === 'dexie' || spec.startsWith('dexie/'),
  },
  {
    name: 'storage imports no layer above it',
    applies: (layer) => layer === 'storage',
    forbidden: (_spec, target) => ['sync', 'exchange', 'ui', 'report', 'cli'].includes(target),
  },
  {
    name: 'sync imports neither its transports nor the UI',
    applies: (layer) => layer === 'sync',
    forbidden: (_spec, target) => ['exchange', 'ui', 'cli'].includes(target),
  },
];

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(ts|tsx|mjs|js)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
  }
};
walk(SRC);

/** The top-level folder of src a path is in ('' for files directly in src). */
const layerOf = (path) => {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : '';
};

const problems = [];
for (const file of files) {
  const layer = layerOf(file);
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, n) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*')) return;
    for (const match of line.matchAll(IMPORT)) {
      const spec = match[1];
      const target = spec.startsWith('.') ? layerOf(join(file, '..', spec)) : undefined;
      for (const rule of RULES) {
        if (rule.applies(layer) && rule.forbidden(spec, target)) problems.push(`${file}:${n + 1}: ${rule.name}: ${trimmed}`);
      }
    }
  });
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} violation(s) of the layer rules (DESIGN §4, scripts/check-layers.mjs).`);
  process.exit(1);
}
console.log(`layers: ${files.length} files in ${SRC} keep Dexie in storage and the replication layers in order`);
