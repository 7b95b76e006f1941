import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A store's fixed address for fault tests. The store behind it can be stopped and started again
 * on another port; `close()` makes the address refuse connections (as a stopped server does) and
 * drops the open ones, `open(upstreamPort)` serves it again at the same port.
 */
export class StoreAddress {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(readonly port: number) {}

  static async open(upstreamPort: number): Promise<StoreAddress> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const address = new StoreAddress(port);
    await address.open(upstreamPort);
    return address;
  }

  async open(upstreamPort: number): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(upstreamPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The port of a `scheme://127.0.0.1:port/...` URI. */
export const portOf = (uri: string) => Number(/:(\d+)(?:\/|$)/.exec(uri.replace(/^[a-z+]+:\/\//, 'x:'))?.[1]);
