#!/usr/bin/env node
// The release build of the wasm, split per route: a Trunk build hook (Trunk.toml).
//
// Trunk 0.21 cannot split a wasm (its Rust pipeline runs cargo, wasm-bindgen, wasm-opt, and
// the split must come between cargo and wasm-bindgen), so index.html marks the Rust link
// `data-trunk-skip` and this hook does the Rust step, into $TRUNK_STAGING_DIR:
//   1. cargo rustc --release --target wasm32-unknown-unknown --bin readyboard --features split,
//      linked with --emit-relocs (wasm-split needs the relocations). The other flags come from
//      .cargo/config.toml (--cfg erase_components), as for every wasm build.
//   2. wasm-split-cli: the main wasm, one split_<route>.wasm per lazy route, chunk_<n>.wasm for
//      code some routes share, and __wasm_split.js, which loads them.
//   3. wasm-bindgen --target web on the main wasm only.
//   4. wasm-opt -Oz on every .wasm.
//   5. Content-hashed names: app-<hash>.js, app-<hash>_bg.wasm, __wasm_split-<hash>.js,
//      split_<route>-<hash>.wasm, chunk_<n>-<hash>.wasm, and boot-<hash>.js, the module script
//      that starts the app (the Content-Security-Policy allows no inline script).
//   6. The teacher's app (src/bin/teacher.rs): the schedule view a share link opens, a small
//      wasm of its own, not split (cargo build --bin teacher, wasm-bindgen, wasm-opt), named
//      teacher-<hash>.js and teacher-<hash>_bg.wasm. The boot script starts it instead of the
//      staff app when the page is /schedule with a share link's fragment (`#s=…`).
//   7. Checks: nothing may still import from a placeholder module (a lazy route that was not
//      split leaves `__wasm_split_placeholder__`, and the page would never start), and there
//      must be split files.
// It leaves .split-build.json in the staging folder for scripts/link-split.mjs (post_build),
// which puts the boot script and the preload links into index.html.
//
// The split build is always the release profile, also under `trunk serve` without --release.
// Usage (as a hook): node scripts/build-split.mjs
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';

export const PLACEHOLDERS = ['__wasm_split_placeholder__', '__wbindgen_placeholder__'];
export const MANIFEST = '.split-build.json';
// What rustc 1.95 emits for wasm32-unknown-unknown; wasm-opt must accept all of it.
const WASM_OPT_FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue',
];

function fail(message) {
  console.error(`build-split: ${message}`);
  process.exit(1);
}

function log(message) {
  console.log(`build-split: ${message}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 28, ...opts });
  if (r.error) fail(`cannot run ${cmd}: ${r.error.message} (make tools installs it)`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  return r;
}

// wasm-opt warns about every wasm-split output's name section ("unknown name subsection"):
// noise, dropped; anything else it says is shown.
function runAsync(cmd, args, quiet = /^warning: unknown name subsection/) {
  return new Promise((res, rej) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let rest = '';
    p.stderr.on('data', (d) => {
      const lines = (rest + d).split('\n');
      rest = lines.pop();
      for (const l of lines) if (!quiet.test(l)) process.stderr.write(l + '\n');
    });
    p.stderr.on('end', () => { if (rest && !quiet.test(rest)) process.stderr.write(rest + '\n'); });
    p.on('error', (e) => rej(new Error(`cannot run ${cmd}: ${e.message}`)));
    p.on('exit', (code) => (code === 0 ? res() : rej(new Error(`${cmd} ${args.join(' ')} failed (exit ${code})`))));
  });
}

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Every placeholder module name found in a file's bytes. */
export function placeholdersIn(bytes) {
  const text = Buffer.from(bytes).toString('latin1');
  return PLACEHOLDERS.filter((p) => text.includes(p));
}

/** Replace `from` by `to` exactly `times` times in `text`, or fail: the tools' output changed. */
function replaceExactly(text, from, to, times, where) {
  const n = text.split(from).length - 1;
  if (n !== times) fail(`expected ${times} × ${JSON.stringify(from)} in ${where}, found ${n}: has wasm-split-cli or wasm-bindgen changed its output?`);
  return text.split(from).join(to);
}

/**
 * Each route's path pattern and split module, from src/ui/routes.rs: every `routes!` entry is
 * "/// `PATH`" (or several: "/// `PATH`, `PATH`…", for a capability whose pages share one
 * split module) then "Name(module) => …". Fails when none are found (routes.rs changed shape).
 */
export function routesOf(source) {
  const found = [...source.matchAll(/\/\/\/ (`\/[^\n]*`)\s*\n\s*\w+\((\w+)\)\s*=>/g)]
    .flatMap((m) => [...m[1].matchAll(/`(\/[^`]*)`/g)].map((p) => ({ path: p[1], module: m[2] })));
  if (found.length === 0) fail('found no routes in src/ui/routes.rs ("/// `PATH`" then "Name(module) =>"): has its shape changed?');
  return found;
}

/**
 * The files a split module needs, from __wasm_split.js: its own split file, then every
 * chunk it waits for (and what those wait for), in the order the loader asks for them.
 */
export function piecesOf(loader, module) {
  const loads = new Map();
  const LOAD = /(?:const (__chunk_\d+)|export const __wasm_split_load_(\w+)) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);[\s\S]*?\}\s*,\s*\[([^\]]*)\]\)/g;
  for (const m of loader.matchAll(LOAD)) {
    const deps = m[4].split(',').map((d) => d.trim()).filter(Boolean);
    loads.set(m[1] ?? `split:${m[2]}`, { file: m[3], deps });
  }
  const files = [];
  const visit = (name) => {
    const load = loads.get(name);
    if (!load) fail(`__wasm_split.js has no loader ${name}: has wasm-split-cli changed its output?`);
    if (files.includes(load.file)) return;
    files.push(load.file);
    load.deps.forEach(visit);
  };
  visit(`split:${module}`);
  return files;
}

/**
 * Path patterns as the boot script matches them: `[regex source, files]`, the most specific
 * first (more fixed segments), as the router prefers `/readiness/framework` to
 * `/readiness/:school`.
 */
export function routeTable(routes, loader) {
  const fixed = (path) => path.split('/').filter((s) => s && !s.startsWith(':')).length;
  return [...routes]
    .sort((a, b) => fixed(b.path) - fixed(a.path))
    .map(({ path, module }) => {
      const re = '^' + (path === '/' ? '/' : path.split('/').map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')) + '/?$';
      return [re, piecesOf(loader, module)];
    });
}

/**
 * The module the boot script imports (staff app only) to preload a route's pieces: every
 * piece's name once, and each route's pieces as ranges of indexes into that list (a route
 * needs long runs of consecutive chunks), so it stays small.
 */
export function routesModule(table, reader) {
  const num = (f) => Number(/^chunk_(\d+)-/.exec(f)?.[1] ?? Infinity);
  const files = [...new Set([...table.flatMap(([, fs]) => fs), ...reader])].sort((a, b) => num(a) - num(b) || a.localeCompare(b));
  const at = new Map(files.map((f, i) => [f, i]));
  const ranges = (fs) => {
    const ix = fs.map((f) => at.get(f)).sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i < ix.length;) {
      let j = i;
      while (j + 1 < ix.length && ix[j + 1] === ix[j] + 1) j++;
      out.push(i === j ? `${ix[i]}` : `${ix[i]}-${ix[j]}`);
      i = j + 1;
    }
    return out.join(',');
  };
  return `// Each route's pieces (scripts/build-split.mjs), for the boot script to preload.
const F = ${JSON.stringify(files.join(','))}.split(',');
const R = ${JSON.stringify(table.map(([re, fs]) => [re, ranges(fs)]))};
const D = ${JSON.stringify(ranges(reader))};
const pick = (rs) => rs.split(',').flatMap((r) => {
  const [a, b = a] = r.split('-').map(Number);
  return F.slice(a, b + 1);
});
/** The pieces the route at \`path\` loads: its split file and the chunks it waits for. */
export function piecesFor(path) {
  const route = R.find(([re]) => new RegExp(re).test(path));
  return route ? pick(route[1]) : [];
}
/** The pieces of the code that reads a stored district (storage::codec::Reader). */
export function readerPieces() {
  return pick(D);
}
`;
}

async function main() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) fail('TRUNK_STAGING_DIR is not set: this script runs as a Trunk build hook (make dist)');
  const source = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
  const base = process.env.TRUNK_PUBLIC_URL || '/';
  for (const v of ['RUSTFLAGS', 'CARGO_ENCODED_RUSTFLAGS', 'CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS']) {
    if (process.env[v]) fail(`${v} is set: it would replace the flags in .cargo/config.toml (--cfg erase_components). Unset it.`);
  }
  if (process.env.TRUNK_PROFILE === 'debug') log('note: the split build is always the release profile');
  const target = resolve(source, process.env.CARGO_TARGET_DIR ?? 'target');
  const work = join(target, 'split');
  const splitDir = join(work, 'wasm');
  const siteDir = join(work, 'site');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(splitDir, { recursive: true });
  mkdirSync(siteDir, { recursive: true });

  // 1. cargo. `cargo rustc` passes the link argument to the final crate only, so the other
  //    flags stay those of .cargo/config.toml, and the dependencies are built as always.
  log('cargo: release build with the split feature, linked with --emit-relocs');
  const cargo = run('cargo', [
    'rustc', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'readyboard',
    '--features', 'split', '--message-format=json-render-diagnostics', '--', '-Clink-arg=--emit-relocs',
  ], { cwd: source, stdio: ['ignore', 'pipe', 'inherit'] });
  const input = cargo.stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === 'readyboard' && m.target.kind.includes('bin'))
    .flatMap((m) => m.filenames).find((f) => f.endsWith('.wasm'));
  if (!input) fail('cargo built no readyboard .wasm');

  // 1b. The teacher's app, without the `split` feature: with it, every lazy route's entry
  //     point is a wasm export, and the linker would keep all of the staff app in it.
  log('cargo: release build of the teacher\'s app (src/bin/teacher.rs)');
  const teacherCargo = run('cargo', [
    'build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'teacher',
    '--message-format=json-render-diagnostics',
  ], { cwd: source, stdio: ['ignore', 'pipe', 'inherit'] });
  const teacherInput = teacherCargo.stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === 'teacher' && m.target.kind.includes('bin'))
    .flatMap((m) => m.filenames).find((f) => f.endsWith('.wasm'));
  if (!teacherInput) fail('cargo built no teacher .wasm');

  // 2. wasm-split
  log(`wasm-split-cli ${basename(input)}`);
  run('wasm-split-cli', ['--out-name', 'app', input, splitDir]);
  const pieces = readdirSync(splitDir).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)).sort();
  const splits = pieces.filter((f) => f.startsWith('split_'));
  if (splits.length === 0) fail('wasm-split-cli wrote no split_*.wasm: are the routes lazy (src/ui/routes.rs, feature `split`)?');
  if (!existsSync(join(splitDir, 'app.wasm')) || !existsSync(join(splitDir, '__wasm_split.js'))) {
    fail(`wasm-split-cli did not write app.wasm and __wasm_split.js in ${splitDir}`);
  }

  // 3. wasm-bindgen, on the main wasm only
  log('wasm-bindgen --target web (main wasm)');
  run('wasm-bindgen', [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-name', 'app', '--out-dir', siteDir, join(splitDir, 'app.wasm'),
  ]);
  log('wasm-bindgen --target web (the teacher\'s app)');
  run('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--out-name', 'teacher', '--out-dir', siteDir, teacherInput,
  ]);
  copyFileSync(join(splitDir, '__wasm_split.js'), join(siteDir, '__wasm_split.js'));
  for (const f of pieces) copyFileSync(join(splitDir, f), join(siteDir, f));

  // 4. wasm-opt -Oz, two at a time (the machine's cores). binaryen 132 from npm (make tools):
  //    Debian's wasm-opt is too old for what rustc emits.
  const localOpt = join(source, 'node_modules', '.bin', 'wasm-opt');
  const wasmOpt = existsSync(localOpt) ? localOpt : 'wasm-opt';
  // READYBOARD_KEEP_NAMES=1 keeps the function names (wasm-opt -g), for a CPU profile that
  // names Rust functions: bigger files, never the build that ships.
  const KEEP_NAMES = process.env.READYBOARD_KEEP_NAMES ? ['-g'] : [];
  if (KEEP_NAMES.length) log('note: READYBOARD_KEEP_NAMES is set: function names are kept, for profiling only');
  const wasms = ['app_bg.wasm', 'teacher_bg.wasm', ...pieces];
  log(`wasm-opt -Oz on ${wasms.length} files`);
  const queue = [...wasms];
  const worker = async () => {
    for (let f; (f = queue.shift());) {
      const p = join(siteDir, f);
      await runAsync(wasmOpt, ['-Oz', ...WASM_OPT_FEATURES, ...KEEP_NAMES, p, '-o', p]);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(availableParallelism(), 4) }, worker));
  } catch (e) {
    fail(e.message);
  }

  // 7 (before the names change). Nothing may import from a placeholder.
  for (const f of readdirSync(siteDir)) {
    const found = placeholdersIn(readFileSync(join(siteDir, f)));
    if (found.length) fail(`${f} still refers to ${found.join(', ')}: the split did not happen, and the page would never start`);
  }

  // 5. Content-hashed names. The pieces first: __wasm_split.js names them.
  let loader = readFileSync(join(siteDir, '__wasm_split.js'), 'utf8');
  const out = { chunks: {} };
  const move = (from, to) => renameSync(join(siteDir, from), join(staging, to));
  for (const f of pieces) {
    const stem = f.slice(0, -'.wasm'.length);
    const name = `${stem}-${hash(readFileSync(join(siteDir, f)))}.wasm`;
    loader = replaceExactly(loader, `"./${f}"`, `"./${name}"`, 1, '__wasm_split.js');
    out.chunks[stem] = name;
    move(f, name);
  }
  // Each route's pieces, by their hashed names: the boot script preloads them beside the
  // main wasm, so a route's code is on its way before the main wasm has even started.
  const table = routeTable(routesOf(readFileSync(join(source, 'src/ui/routes.rs'), 'utf8')), loader);
  const wasmName = `app-${hash(readFileSync(join(siteDir, 'app_bg.wasm')))}_bg.wasm`;
  move('app_bg.wasm', wasmName);
  const teacherWasm = `teacher-${hash(readFileSync(join(siteDir, 'teacher_bg.wasm')))}_bg.wasm`;
  move('teacher_bg.wasm', teacherWasm);
  const teacherGlueText = readFileSync(join(siteDir, 'teacher.js'), 'utf8');
  const teacherGlue = `teacher-${hash(teacherGlueText)}.js`;
  writeFileSync(join(staging, teacherGlue), teacherGlueText);
  // app.js and __wasm_split.js import each other: one hash for the pair, of both files as
  // they are written, with a token where the hash goes.
  let glue = readFileSync(join(siteDir, 'app.js'), 'utf8');
  const TOKEN = '@PAIR_HASH@';
  if (glue.includes(TOKEN) || loader.includes(TOKEN)) fail(`${TOKEN} is already in app.js or __wasm_split.js`);
  loader = replaceExactly(loader, '"./app.js"', `"./app-${TOKEN}.js"`, 1, '__wasm_split.js');
  // Only the import specifiers: the imports object keeps the module name the wasm imports from.
  const IMPORT = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
  if (!IMPORT.test(glue)) fail('app.js does not import ./__wasm_split.js: has wasm-bindgen changed its output?');
  glue = glue.replace(IMPORT, (_, from, q) => `${from}${q}./__wasm_split-${TOKEN}.js${q}`);
  const pair = hash(glue + '\0' + loader);
  glue = glue.split(TOKEN).join(pair);
  loader = loader.split(TOKEN).join(pair);
  const glueName = `app-${pair}.js`;
  const loaderName = `__wasm_split-${pair}.js`;
  writeFileSync(join(staging, glueName), glue);
  writeFileSync(join(staging, loaderName), loader);

  // The code that reads a stored district (src/ui/store.rs, `stored_reader`): fetched only
  // when a district is stored, so the boot script preloads it then.
  const routesText = routesModule(table, piecesOf(loader, 'stored_reader'));
  const routesName = `routes-${hash(routesText)}.js`;
  writeFileSync(join(staging, routesName), routesText);

  // The boot script starts the wasm's download at once, beside its JS glue (no preload
  // links in index.html: they would fetch the staff app for a teacher's link too).
  const boot = `// Starts Readyboard (scripts/build-split.mjs). A file, not an inline script: the
// Content-Security-Policy allows none.
// A share link (/schedule#s=…) opened afresh starts the teacher's own small app, and so does
// /schedule in a browser that keeps no district (a teacher's phone: the staff page would have
// nothing to show); every other page starts the staff app. If WebAssembly cannot start,
// index.html's loading words say so instead.
let head = null;
try {
  head = localStorage.getItem('readyboard.district');
} catch {
  // Storage blocked: nothing is stored (the staff app says why, where it matters).
}
const stored = head !== null;
// The code that reads a stored district (storage::codec::Reader) is needed for anything but a
// district of only its core part (a roster): a whole envelope, or a head naming other parts.
let needsReader = stored;
try {
  const h = JSON.parse(head);
  needsReader = stored && (h.layout !== 'parts' || Object.keys(h.parts || {}).some((name) => name !== 'core'));
} catch {
  // Unreadable: the staff app says so, and reads nothing more.
}
const atSchedule = location.pathname.replace(/\\/+$/, '') === '${base}schedule';
const teacher = atSchedule && (/(^#|&)s=/.test(location.hash) || !stored);
const [glue, wasm] = teacher
  ? ['${base}${teacherGlue}', '${base}${teacherWasm}']
  : ['${base}${glueName}', '${base}${wasmName}'];
const bytes = fetch(wasm, { credentials: 'same-origin' });
bytes.catch(() => {});
// The staff app: its chunk loader, and the route's own pieces (split file and shared
// chunks), fetched beside the main wasm rather than after it has started.
const preload = (href, as) => {
  const link = document.createElement('link');
  link.rel = as ? 'preload' : 'modulepreload';
  link.href = '${base}' + href;
  if (as) {
    link.as = as;
    link.crossOrigin = 'anonymous';
  }
  document.head.append(link);
};
if (!teacher) {
  preload('${loaderName}');
  const path = location.pathname.slice('${base}'.length - 1);
  // A stored district needs the code that reads it (storage::codec::Reader) before any page shows.
  import('${base}${routesName}').then(
    ({ piecesFor, readerPieces }) => {
      const files = piecesFor(path);
      if (needsReader) files.push(...readerPieces().filter((f) => !files.includes(f)));
      files.forEach((file) => preload(file, 'fetch'));
    },
    () => {}, // only a head start: the loader fetches what it needs anyway
  );
}
try {
  const { default: init } = await import(glue);
  await init({ module_or_path: bytes });
} catch (e) {
  const text = document.getElementById('boot-text');
  if (text) {
    text.textContent = 'Readyboard could not start in this browser: it needs WebAssembly, and the files it needs did not load. Check the connection and reload the page, or try an up-to-date browser.';
    text.setAttribute('role', 'alert');
  }
  throw e;
}
`;
  const bootName = `boot-${hash(boot)}.js`;
  writeFileSync(join(staging, bootName), boot);
  Object.assign(out, {
    boot: bootName, glue: glueName, loader: loaderName, wasm: wasmName, teacherGlue, teacherWasm, routes: routesName,
    bootIntegrity: 'sha384-' + createHash('sha384').update(boot).digest('base64'),
  });
  writeFileSync(join(staging, MANIFEST), JSON.stringify(out, null, 2) + '\n');
  log(`done: ${glueName}, ${wasmName}, ${splits.length} routes in ${pieces.length} split files, ${bootName}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
