/** Tiny HTTP server for the generated benchmark pages: /feed?n=…&seed=…, /settings?seed=…. */
import http from 'node:http';
import { feedPage, settingsPage } from './generate';

export async function startGenServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const seed = Number(url.searchParams.get('seed') ?? 1);
    let body: string | null = null;
    if (url.pathname === '/feed') body = feedPage({ elements: Number(url.searchParams.get('n') ?? 1500), seed });
    else if (url.pathname === '/settings') body = settingsPage(seed);
    if (body === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
