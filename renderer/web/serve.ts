// `npm run web`: the renderer in a browser. Starts the Open API server on loopback (with a
// per-launch token, like the app), serves the built renderer (out/renderer) with the app's
// CSP, and forwards the API's paths to the server, so the page talks to one origin.
// Bench screenshots are served under /bench/ to try the overlay on: web.html?screen=/bench/NAME.png
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../app/server/start.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../../out/renderer');
const benchRoot = path.resolve(process.env.OCR_BENCH_DIR ?? path.resolve(here, '../../../shared/bench'));
const benchDir = path.join(benchRoot, 'screens');
const formulaDir = path.join(benchRoot, 'formulas');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};
const csp =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(
  options: {
    port?: number;
    dataDir?: string;
    /** The API server's translator (`apertium:URL`, `libretranslate:URL`), as `serve --translator` takes it. */
    translator?: string;
  } = {},
): Promise<WebServer> {
  const api = await startServer({
    port: 0,
    nodes: 1,
    translator: options.translator,
    dataDir: options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'ocr-web-')),
    logger: false,
    waitForNodes: true,
  });
  const token = `launch_${randomBytes(24).toString('base64url')}`;
  api.tokens.addLaunchToken(token, { account: 'launch:web', dailyLimit: 1_000_000 });

  const serveFile = async (root: string, relative: string, response: http.ServerResponse) => {
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(root + path.sep)) return response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response
        .writeHead(200, {
          'content-type': types[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
        })
        .end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (/^\/(code\.ashx|code\.aspx|uploads\/|files\/)/i.test(url.pathname)) {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        const answer = await fetch(`${api.url}${url.pathname}${url.search}`, {
          method: request.method,
          headers: request.headers['content-type'] ? { 'content-type': request.headers['content-type'] } : {},
          body: request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.concat(chunks),
        });
        const disposition = answer.headers.get('content-disposition');
        response
          .writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'text/plain',
            ...(disposition && { 'content-disposition': disposition }),
          })
          .end(Buffer.from(await answer.arrayBuffer()));
      } else if (url.pathname === '/web-config.json') {
        response
          .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify({ token }));
      } else if (url.pathname.startsWith('/bench/formulas/')) {
        await serveFile(formulaDir, url.pathname.slice('/bench/formulas'.length), response);
      } else if (url.pathname.startsWith('/bench/')) {
        await serveFile(benchDir, url.pathname.slice('/bench'.length), response);
      } else {
        await serveFile(rendererDir, url.pathname === '/' ? '/web.html' : url.pathname, response);
      }
    } catch (error) {
      response
        .writeHead(502, { 'content-type': 'text/plain' })
        .end(`the OCR server did not answer: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.argv.find((a) => a.startsWith('--port='))?.slice(7) ?? 5173);
  const argument = (name: string) => {
    const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    return i < 0
      ? undefined
      : process.argv[i]!.includes('=')
        ? process.argv[i]!.split('=').slice(1).join('=')
        : process.argv[i + 1];
  };
  const web = await startWebServer({ port, translator: argument('translator') });
  console.log(
    `OCR Assistant in the browser: ${web.url}/web.html  (try the overlay: ${web.url}/web.html?screen=/bench/public-018-doc-en.png#/overlay)`,
  );
  const stop = async () => {
    await web.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
