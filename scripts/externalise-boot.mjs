#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): moves the inline module script that Trunk writes into
// index.html to start the wasm into its own file, boot-<hash>.js, and loads it with
// <script type="module" src=…>. The Content-Security-Policy (index.html's meta tag, and the
// header in README.md) allows no inline script, so without this the page stays blank.
//
// Trunk runs post_build hooks for `trunk build` and `trunk serve` alike, after it has written
// the finished HTML to $TRUNK_STAGING_DIR and before it copies that folder to dist/.
// It fails loudly when the boot script is not there, or when any other inline script is left
// (such as `trunk serve`'s autoreload script: Trunk.toml turns it off), rather than ship a page
// the policy would block.
//
// Usage: node scripts/externalise-boot.mjs [html file name in the staging dir, default index.html]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function fail(message) {
  console.error(`externalise-boot: ${message}`);
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

// Every <script> element; an inline one is one without a src attribute.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const hasSrc = (attrs) => /(^|\s)src\s*=/i.test(attrs);
const isModule = (attrs) => /(^|\s)type\s*=\s*["']?module["']?(\s|$)/i.test(attrs);
const isBoot = (attrs, body) => isModule(attrs) && /\bimport\s+init\b/.test(body) && /\bawait\s+init\s*\(/.test(body);

const inline = [...html.matchAll(SCRIPT)].filter((m) => !hasSrc(m[1]));
const boots = inline.filter((m) => isBoot(m[1], m[2]));
const others = inline.filter((m) => !isBoot(m[1], m[2]));

if (boots.length !== 1) {
  fail(`expected exactly one inline <script type="module"> that starts the wasm in ${htmlPath}, found ${boots.length}. ` +
    'Has Trunk changed how it writes the boot script? Check index.html after `trunk build` with this hook removed.');
}
if (others.length > 0) {
  const first = others[0][0].slice(0, 120).replace(/\s+/g, ' ');
  fail(`${htmlPath} has ${others.length} other inline <script> element(s), which the Content-Security-Policy blocks: ` +
    `${first}… (trunk serve's autoreload script? Trunk.toml sets [serve] no_autoreload = true; do not turn it on)`);
}

const [tag, attrs, body] = boots[0];
const code = body.trim() + '\n';
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
const name = `boot-${hash}.js`;
writeFileSync(join(staging, name), code);

// Keep Trunk's attributes (type="module", a nonce if ever configured); add the file and its digest,
// as Trunk does for the preload links of the wasm and its JS glue.
const keep = attrs.replace(/\s+$/, '');
const external = `<script${keep} src="${base}${name}" integrity="${integrity}" crossorigin="anonymous"></script>`;
html = html.replace(tag, () => external);

// Nothing inline may be left.
const left = [...html.matchAll(SCRIPT)].filter((m) => !hasSrc(m[1]));
if (left.length > 0) fail(`an inline <script> is still in ${htmlPath} after the rewrite`);

writeFileSync(htmlPath, html);
console.log(`externalise-boot: moved the boot script of ${htmlPath} to ${name}`);
