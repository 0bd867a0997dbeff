import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the listener answers on a path. */
export type Route =
  | { body: string }
  | { redirect: string }
  /** Sends `chunk` over and over without a content-length, until the client hangs up. */
  | { endless: string }
  /** Declares a content-length of `bytes` and sends nothing. */
  | { declares: number }
  /** Accepts the request and never answers. */
  | { hang: true };

export interface Listener {
  url: string;
  origin: string;
  /** TCP connections accepted so far: a refused fetch opens none. */
  connections(): number;
  requests(): string[];
  close(): Promise<void>;
}

/** An HTTP listener on 127.0.0.1 for the remote-ref tests, counting every connection it sees. */
export async function startListener(routes: Record<string, Route> = {}): Promise<Listener> {
  let connections = 0;
  const requests: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    const route = routes[request.url ?? ''];
    if (route === undefined) {
      response.statusCode = 404;
      return response.end();
    }
    if ('hang' in route) return;
    if ('redirect' in route) {
      response.writeHead(302, { location: route.redirect });
      return response.end();
    }
    if ('declares' in route) {
      response.writeHead(200, { 'content-length': String(route.declares) });
      return response.flushHeaders();
    }
    if ('endless' in route) {
      response.writeHead(200, { 'content-type': 'application/yaml' });
      const send = () => {
        while (!response.destroyed && response.write(route.endless));
      };
      response.on('drain', send);
      return send();
    }
    response.setHeader('content-type', 'application/yaml');
    response.end(route.body);
  });
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    origin,
    connections: () => connections,
    requests: () => [...requests],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
