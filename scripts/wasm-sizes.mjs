#!/usr/bin/env node
// What a wasm file's bytes are: code per function, grouped by crate and module, and data,
// read from the file's name section (twiggy-like, with nothing to install). For the split
// build's main file, `make wasm-sizes` runs wasm-bindgen and wasm-opt -Oz on
// target/split/wasm/app.wasm as the build does, but keeping the names (-g), and prints this.
// Raw bytes, not gzip: a function's share of the gzip is about its share of the raw code.
// Usage: node scripts/wasm-sizes.mjs FILE.wasm [TOP=40]
// With KIND=<start of a kind> (e.g. KIND=serde, KIND=readyboard), it also lists that kind's largest functions.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/wasm-sizes.mjs FILE.wasm [TOP]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const buf = readFileSync(file);
let pos = 8;
const u32 = () => {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const str = () => {
  const n = u32();
  const s = buf.toString('utf8', pos, pos + n);
  pos += n;
  return s;
};
const skipConstExpr = () => {
  // i32.const/i64.const/global.get <leb> … end (0x0b)
  while (buf[pos] !== 0x0b) pos++;
  pos++;
};

let importedFuncs = 0;
const bodies = []; // size of each defined function's body
const names = new Map();
const data = [];
const sections = [];
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const start = pos;
  const end = pos + size;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] ?? `section ${id}`;
  if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      str(); str();
      const kind = buf[pos++];
      if (kind === 0) { u32(); importedFuncs++; }
      else if (kind === 1) { pos++; const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; u32(); }
    }
  } else if (id === 10) {
    for (let n = u32(); n > 0; n--) {
      const s = u32();
      bodies.push(s + 1);
      pos += s;
    }
  } else if (id === 11) {
    for (let n = u32(); n > 0; n--) {
      const flags = u32();
      if (flags === 2) u32();
      if (flags !== 1) skipConstExpr();
      const len = u32();
      data.push(len);
      pos += len;
    }
  } else if (id === 0) {
    const name = str();
    label = `custom "${name}"`;
    if (name === 'name') {
      while (pos < end) {
        const sub = buf[pos++];
        const subSize = u32();
        const subEnd = pos + subSize;
        if (sub === 1) {
          for (let n = u32(); n > 0; n--) {
            const idx = u32();
            names.set(idx, str());
          }
        }
        pos = subEnd;
      }
    }
  }
  sections.push({ label, size });
  pos = end;
  void start;
}

/** Legacy Rust mangling (_ZN…E) to its path segments, with the hash dropped. */
function segments(sym) {
  const m = /^_?_ZN(.*)E$/.exec(sym);
  if (!m) return null;
  const out = [];
  let s = m[1];
  while (s.length) {
    const len = /^(\d+)/.exec(s);
    if (!len) break;
    const n = Number(len[1]);
    out.push(s.slice(len[1].length, len[1].length + n));
    s = s.slice(len[1].length + n);
  }
  if (out.length && /^h[0-9a-f]{16}$/.test(out.at(-1))) out.pop();
  return out.map((x) => x
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&')
    .replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$BP\$/g, '*')
    .replace(/\$u27\$/g, "'").replace(/\$LP\$/g, '(').replace(/\$RP\$/g, ')').replace(/\.\./g, '::')
    .replace(/^_</, '<'));
}

/** Where a function belongs: crate::module, or for a trait impl, the type's module and the trait. */
function group(name) {
  const segs = segments(name);
  if (!segs) return name.startsWith('__wbg') || name.startsWith('__wbindgen') ? 'wasm-bindgen glue' : `(other) ${name.slice(0, 40)}`;
  const first = segs[0];
  const impl = /^<(.*?)(?: as (.*))?>$/.exec(first);
  if (impl) {
    const ty = impl[1].replace(/^&(mut )?/, '').replace(/<.*$/, '').split('::');
    const trait = impl[2] ? impl[2].replace(/<.*$/, '').split('::') : null;
    const where = ty.length > 2 ? ty.slice(0, -1).slice(0, 3).join('::') : ty.join('::');
    return trait ? `${where} (impl ${trait[0]}::…::${trait.at(-1)})` : where;
  }
  return segs.slice(0, Math.min(3, segs.length - 1) || 1).join('::');
}

const fns = bodies.map((size, i) => {
  const name = names.get(importedFuncs + i) ?? `func[${importedFuncs + i}]`;
  const segs = segments(name);
  return { size, name: segs ? segs.join('::') : name, group: group(name) };
});
/** A coarse kind of code, for the summary: what a function's name says it is for. */
const KINDS = [
  ['serde: reading JSON into the document (serde_json, Deserialize impls)', /Deserializ|serde_json::(value::)?de\b|serde_json::de::|serde_core::de::|Visitor|MapAccess|SeqAccess|serde_json::read/],
  ['serde: writing the document as JSON (Serialize impls, serde_json::ser)', /Serializ|serde_json::ser|serde_core::ser|serde_json::value::ser/],
  ['readyboard::storage (envelope, parts, pack, migrations, local)', /^<?&?readyboard::storage/],
  ['readyboard::ui::store (the Store)', /^<?&?readyboard::ui::store/],
  ['readyboard::domain (edits, validation, demo, planning)', /^<?&?readyboard::domain/],
  ['readyboard::ui (shell, components, pages the shell shows)', /^<?&?readyboard::(ui|main)/],
  ['miniz_oxide (inflate and deflate of stored parts)', /miniz_oxide/],
  ['sha2 (PIN hashes)', /sha2::/],
  ['Leptos (tachys, reactive_graph, router, meta)', /\b(tachys|reactive_graph|leptos\w*|any_spawner|throw_error|either_of)::/],
  ['wasm-bindgen, js-sys, web-sys glue', /wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen|wasm_split/],
  ['Rust std (alloc, collections, sort, fmt, panics, allocator)', /^(<)?(core|alloc|std|hashbrown|dlmalloc)\b|^_R|^<?&?(str|\[|alloc::|core::)/],
];
const kindOf = (name) => KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';

const code = fns.reduce((s, f) => s + f.size, 0);
const dataBytes = data.reduce((s, n) => s + n, 0);
const custom = sections.filter((s) => s.label.startsWith('custom')).reduce((s, c) => s + c.size, 0);
const shipped = buf.length - custom;
const pct = (n) => ((100 * n) / shipped).toFixed(1).padStart(5) + ' %';
console.log(`${file}: ${shipped} bytes without custom sections (percentages are of this); code ${code} (${fns.length} functions, ${names.size ? 'named' : 'no name section'}), data ${dataBytes}`);
console.log('\nSections:');
for (const s of sections.sort((a, b) => b.size - a.size).slice(0, 8)) console.log(`  ${String(s.size).padStart(9)} ${s.label.startsWith('custom') ? '       ' : pct(s.size)}  ${s.label}`);

const kinds = new Map();
for (const f of fns) kinds.set(kindOf(f.name), (kinds.get(kindOf(f.name)) ?? 0) + f.size);
console.log('\nCode by kind:');
for (const [name, size] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${String(size).padStart(9)} ${pct(size)}  ${name}`);
console.log(`  ${String(dataBytes).padStart(9)} ${pct(dataBytes)}  data (strings, tables, constants)`);

const groups = new Map();
for (const f of fns) {
  const g = groups.get(f.group) ?? { size: 0, count: 0 };
  g.size += f.size;
  g.count++;
  groups.set(f.group, g);
}
console.log(`\nCode by crate and module (top ${top}):`);
for (const [name, g] of [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
  console.log(`  ${String(g.size).padStart(9)} ${pct(g.size)}  ${String(g.count).padStart(5)} fns  ${name}`);
}
console.log(`\nLargest functions (top ${top}):`);
for (const f of [...fns].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`  ${String(f.size).padStart(9)} ${pct(f.size)}  ${f.name.slice(0, 150)}`);
}
console.log(`\nLargest data segments: ${data.sort((a, b) => b - a).slice(0, 8).join(', ')} bytes`);
if (process.env.KIND) {
  console.log(`\nLargest functions of kind ${process.env.KIND}:`);
  for (const f of fns.filter((f) => kindOf(f.name).startsWith(process.env.KIND)).sort((a, b) => b.size - a.size).slice(0, top)) {
    console.log(`  ${String(f.size).padStart(9)} ${pct(f.size)}  ${f.name.slice(0, 160)}`);
  }
}
