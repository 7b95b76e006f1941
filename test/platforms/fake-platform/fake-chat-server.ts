import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message Fake Chat's server took: to a user or a room. */
export interface FakeChatDelivery {
  to: { kind: 'user'; userId: string } | { kind: 'room'; roomId: string };
  text: string;
}

/** Fake Chat's server: takes `POST /messages` with the bearer secret and keeps what it was sent. */
export class FakeChatServer {
  readonly delivered: FakeChatDelivery[] = [];
  private readonly server = createServer((request, response) => this.take(request, response));
  url = '';

  private constructor(private readonly secret: string) {}

  static async start(secret: string): Promise<FakeChatServer> {
    const fake = new FakeChatServer(secret);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private take(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.headers.authorization !== `Bearer ${this.secret}`) return void response.writeHead(401).end();
      if (request.method !== 'POST' || request.url !== '/messages') return void response.writeHead(404).end();
      this.delivered.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as FakeChatDelivery);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  }
}
