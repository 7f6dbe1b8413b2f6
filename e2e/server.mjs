// A static file server for the built site (dist/), for the browser tests and benchmarks.
// It can mount the site under a sub-path, to prove that the build works from anywhere.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

/** Serves `root` under `prefix` (e.g. "/" or "/tools/hashshift/") on 127.0.0.1; resolves to
 * { url, close, requests, pages } where `requests` lists every path asked for, and `pages` maps
 * extra paths to HTML a test serves beside the site (an article that embeds it). */
export async function serve(root, prefix = '/', port = 0) {
  const requests = [];
  const pages = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (pages.has(path)) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(pages.get(path));
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = path.slice(prefix.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address();
  return {
    url: `http://127.0.0.1:${bound}${prefix}`,
    requests,
    pages,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
