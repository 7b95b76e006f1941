#!/usr/bin/env node
/* global process, console */
// The workbench's first-page budget (issue 18): the JavaScript a browser loads to show the opinion
// board — the entry chunk, the frame and the board page, each with its static imports — must stay
// under 350 KB gzipped. Reads Vite's manifest in dist/web; exits 1 over budget or without a build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const outDir = process.argv[2] ?? 'dist/web';
const manifestPath = join(outDir, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`没有找到 ${manifestPath}：请先运行 npm run build。 / No web build found: run npm run build.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const FIRST_PAGE = ['src/layouts/WorkbenchFrame.vue', 'src/pages/opinions/OpinionBoard.vue'];

/** Every chunk file `key` loads before it runs (itself and its static imports, transitively). */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

const gzipKb = (keys) => [...keys].reduce((sum, key) => sum + gzipSync(readFileSync(join(outDir, manifest[key].file))).length, 0) / 1024;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) {
  console.error('manifest.json has no entry chunk');
  process.exit(1);
}
const entry = closure(entryKey);
const firstPage = new Set(entry);
for (const key of FIRST_PAGE) {
  if (!manifest[key]) {
    console.error(`manifest.json has no chunk for ${key}`);
    process.exit(1);
  }
  closure(key, firstPage);
}
const entryKb = gzipKb(entry);
const firstKb = gzipKb(firstPage);
console.log(
  `workbench JS (gzip): entry ${entryKb.toFixed(1)} KB; first page (entry + frame + opinion board) ${firstKb.toFixed(1)} KB of ${BUDGET_KB} KB`,
);
if (firstKb > BUDGET_KB) {
  console.error(`首页 JavaScript 超出预算：${firstKb.toFixed(1)} KB > ${BUDGET_KB} KB（gzip）。`);
  process.exit(1);
}
