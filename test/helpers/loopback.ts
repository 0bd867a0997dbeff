import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Loopback {
  url: string;
  /** TCP connections accepted so far (a request needs one; a refused fetch makes none). */
  connections(): number;
  /** Paths requested so far. */
  requests(): string[];
  close(): Promise<void>;
}

/** An HTTP listener on 127.0.0.1 serving `files` by path, counting every connection it sees. */
export async function startLoopback(files: Record<string, { body: string; type?: string }> = {}): Promise<Loopback> {
  let connections = 0;
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    const file = files[request.url ?? ''];
    if (file === undefined) {
      response.statusCode = 404;
      response.end();
      return;
    }
    response.setHeader('content-type', file.type ?? 'application/yaml');
    response.end(file.body);
  });
  server.on('connection', () => void (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    requests: () => [...requests],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
