#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): puts the split build of scripts/build-split.mjs into
// index.html. Trunk has written the finished HTML to $TRUNK_STAGING_DIR; this replaces the
// skipped Rust link (`<link data-trunk rel="rust" data-trunk-skip …>`) with
//   - the boot script, a file (boot-<hash>.js) with its digest: the Content-Security-Policy
//     allows no inline script;
//   (no preload links: the boot script chooses between the staff app and the teacher's app,
//   and starts the chosen wasm's download beside its JS glue).
// It fails loudly, rather than leave a page that cannot start, when
//   - build-split.mjs did not run (no .split-build.json, or a file it names is missing);
//   - Trunk ran its own Rust pipeline (its inline boot script is there: the Rust link lost
//     data-trunk-skip). That pipeline never splits;
//   - any inline <script> is left (the policy would block it; `trunk serve`'s autoreload
//     script is one: Trunk.toml turns it off);
//   - any JS or wasm file still imports from a wasm-split or wasm-bindgen placeholder module.
//
// Usage: node scripts/link-split.mjs [html file name in the staging dir, default index.html]
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST, placeholdersIn } from './build-split.mjs';

function fail(message) {
  console.error(`link-split: ${message}`);
  process.exit(1);
}

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set; this script runs as a Trunk post_build hook');
const base = process.env.TRUNK_PUBLIC_URL || '/';
const htmlPath = join(staging, process.argv[2] ?? 'index.html');

let html;
try {
  html = readFileSync(htmlPath, 'utf8');
} catch (e) {
  fail(`cannot read ${htmlPath}: ${e.message}`);
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const hasSrc = (attrs) => /(^|\s)src\s*=/i.test(attrs);
const inline = [...html.matchAll(SCRIPT)].filter((m) => !hasSrc(m[1]));
if (inline.some((m) => /\bimport\s+init\b|__wbg_init|wasmBindings/.test(m[2]))) {
  fail(`${htmlPath} has Trunk's own boot script: Trunk built the Rust app itself, and its pipeline never splits the wasm. ` +
    'Keep data-trunk-skip on the rust link in index.html; scripts/build-split.mjs (a build hook in Trunk.toml) builds it.');
}
if (inline.length > 0) {
  const first = inline[0][0].slice(0, 120).replace(/\s+/g, ' ');
  fail(`${htmlPath} has ${inline.length} inline <script> element(s), which the Content-Security-Policy blocks: ` +
    `${first}… (trunk serve's autoreload script? Trunk.toml sets [serve] no_autoreload = true; do not turn it on)`);
}

const manifestPath = join(staging, MANIFEST);
if (!existsSync(manifestPath)) {
  fail(`no ${MANIFEST} in the staging folder: the split build (scripts/build-split.mjs, a build hook in Trunk.toml) did not run`);
}
const built = JSON.parse(readFileSync(manifestPath, 'utf8'));
rmSync(manifestPath);
for (const f of [built.boot, built.glue, built.loader, built.wasm, built.teacherGlue, built.teacherWasm, built.routes, ...Object.values(built.chunks)]) {
  if (!f || !existsSync(join(staging, f))) fail(`${f} is missing from the staging folder`);
}
for (const f of readdirSync(staging).filter((f) => /\.(js|wasm)$/.test(f))) {
  const found = placeholdersIn(readFileSync(join(staging, f)));
  if (found.length) fail(`${f} imports from ${found.join(', ')}: it was not split, and the page would never start`);
}

const RUST_LINK = /<link\b[^>]*\brel=["']?rust["']?[^>]*>/gi;
const links = html.match(RUST_LINK) ?? [];
if (links.length !== 1 || !/\bdata-trunk-skip\b/.test(links[0])) {
  fail(`expected one <link data-trunk rel="rust" data-trunk-skip> in ${htmlPath}, found: ${links.join(' ') || 'none'}`);
}
const tags = `<script type="module" src="${base}${built.boot}" integrity="${built.bootIntegrity}" crossorigin="anonymous"></script>`;
html = html.replace(links[0], () => tags);
writeFileSync(htmlPath, html);
console.log(`link-split: ${htmlPath} starts ${built.glue} from ${built.boot}`);
