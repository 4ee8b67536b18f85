#!/usr/bin/env node
// The pure core (src/core) must not reach the DOM, storage, UI, i18n or zip libraries, nor Node
// built-ins: it runs unchanged in Node tests, in the browser and in the sync hub. tsconfig.core.json
// already rejects DOM globals (no DOM lib); this check catches imports the type checker would allow.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CORE = process.argv[2] ?? 'src/core';
const FORBIDDEN_IMPORT = /from\s+['"](dexie|preact(?:\/[\w-]+)?|@preact\/[\w-]+|i18next|react-i18next|jszip|workbox-[\w-]+|hono|@electric-sql\/[\w-]+|pg|node:[\w/]+|fs|path|crypto|os|child_process)['"]|import\(\s*['"](dexie|preact|jszip|i18next)['"]\s*\)/;
const FORBIDDEN_GLOBAL = /\b(window|document|indexedDB|localStorage|sessionStorage|navigator)\s*\./;
// Relative imports must stay inside src/core.
const RELATIVE_IMPORT = /from\s+['"](\.{1,2}\/[^'"]+)['"]/g;

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
  }
};
walk(CORE);

const problems = [];
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, n) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*')) return;
    if (FORBIDDEN_IMPORT.test(line)) problems.push(`${file}:${n + 1}: forbidden import in the pure core: ${trimmed}`);
    if (FORBIDDEN_GLOBAL.test(line)) problems.push(`${file}:${n + 1}: browser global in the pure core: ${trimmed}`);
    for (const match of line.matchAll(RELATIVE_IMPORT)) {
      const target = join(file, '..', match[1]);
      if (relative(CORE, target).startsWith('..')) problems.push(`${file}:${n + 1}: the core imports from outside src/core: ${match[1]}`);
    }
  });
}

// The sync hub (server/) depends on the pure core only: server → core. It must not reach the app's
// storage, UI, sync client or exchange code, nor browser libraries.
const SERVER = 'server';
const SERVER_FORBIDDEN_IMPORT = /from\s+['"](dexie|preact(?:\/[\w-]+)?|@preact\/[\w-]+|i18next|jszip|workbox-[\w-]+)['"]/;
const serverFiles = [];
const walkServer = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walkServer(path);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) serverFiles.push(path);
  }
};
try {
  walkServer(SERVER);
} catch {
  // no server/ folder: nothing to check
}
for (const file of serverFiles) {
  readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*')) return;
    if (SERVER_FORBIDDEN_IMPORT.test(line)) problems.push(`${file}:${n + 1}: the hub imports a browser library: ${trimmed}`);
    for (const match of line.matchAll(RELATIVE_IMPORT)) {
      const target = join(file, '..', match[1]);
      const inServer = !relative(SERVER, target).startsWith('..');
      const inCore = !relative(CORE, target).startsWith('..');
      if (!inServer && !inCore) problems.push(`${file}:${n + 1}: the hub imports from outside server/ and src/core: ${match[1]}`);
    }
  });
}

// The report (src/report) and the example (src/example) run in the app and in the command-line
// tool alike: they may use the core and the docx library, never the UI, storage, i18next or a DOM
// global (the report's words come in as a function, its storage as records).
const SHARED_DIRS = ['src/report', 'src/example'];
const SHARED_FORBIDDEN = /from\s+['"](dexie|preact(?:\/[\w-]+)?|@preact\/[\w-]+|i18next|node:[\w/]+)['"]|from\s+['"][./]*\/(ui|storage|exchange|sync|cli)\//;
const sharedFiles = [];
const walkShared = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walkShared(path);
    else if (/\.(ts|tsx)$/.test(name)) sharedFiles.push(path);
  }
};
if (process.argv[2] === undefined) for (const dir of SHARED_DIRS) walkShared(dir);
for (const file of sharedFiles) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, n) => {
      const trimmed = line.trim();
      if (trimmed.startsWith('//') || trimmed.startsWith('*')) return;
      if (SHARED_FORBIDDEN.test(line)) problems.push(`${file}:${n + 1}: the report and the example must not import UI, storage, i18next or Node: ${trimmed}`);
      if (FORBIDDEN_GLOBAL.test(line)) problems.push(`${file}:${n + 1}: browser global in shared report code: ${trimmed}`);
    });
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} violation(s) of the core's dependency rule (see README, "Code layout").`);
  process.exit(1);
}
console.log(`core purity: ${files.length} files in ${CORE} import nothing outside the pure core; ${sharedFiles.length} report/example files import no UI, storage or Node`);
console.log(`hub layering: ${serverFiles.length} files in ${SERVER}/ import only server/ and ${CORE}`);
