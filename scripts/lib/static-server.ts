/**
 * A small static file server for the built site, on loopback only: clean URLs (`/cases/x/` → index.html),
 * the site's 404.html with status 404, and the content types Pagefind's WebAssembly needs.
 * Used by the browser tests, the PDF renderer and the screenshot script.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return path;
  }
  return undefined;
}

/** Serve `root` on 127.0.0.1 at a free port (or `port`). `base` is the site's base path, e.g. `/laomo/`. */
export async function serveStatic(root: string, { port = 0, base = '/' }: { port?: number; base?: string } = {}): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    let path = request.url ?? '/';
    if (!path.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    path = '/' + path.slice(base.length);
    const file = await resolveFile(root, path);
    const found = file ?? join(root, '404.html');
    const status = file ? 200 : 404;
    const info = await stat(found).catch(() => undefined);
    if (!info) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
      return;
    }
    response.writeHead(status, { 'content-type': contentTypes[extname(found)] ?? 'application/octet-stream', 'content-length': info.size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(found).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}${base}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
