// A minimal static server for dist/, with the index.html fallback a single-page app needs:
// any path without a file extension that is not a file gets index.html, so deep links
// survive a reload. Used by the end-to-end tests and by `make bench`; binds to loopback.
// Every response carries the app's Content-Security-Policy header, the one README.md asks
// hosts to send, so every test runs the app under it.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);
// The policy of index.html's meta tag, plus frame-ancestors, which only a header can carry.
const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
  "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.ico': 'image/x-icon', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
  } catch {
    if (extname(path)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'); return; }
    file = join(root, 'index.html');
  }
  try {
    const body = await readFile(file);
    const type = types[extname(file)] ?? 'application/octet-stream';
    const cache = extname(file) === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable';
    const headers = {
      'content-type': type, 'cache-control': cache, vary: 'accept-encoding',
      'content-security-policy': CSP,
    };
    // Compress as any real static host does, so measurements match what users download.
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && type !== 'image/png') {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(body));
    } else {
      res.writeHead(200, headers).end(body);
    }
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`Serving ${root} at http://127.0.0.1:${port}`));
