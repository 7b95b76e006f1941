import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP front for FerretDB v1 that runs write commands one at a time.
 *
 * Why: MongoDB guarantees that a single-document update is atomic, and Yishi relies on it
 * (findOneAndUpdate claims, $inc counters, conditional state changes). FerretDB v1.24.2 on SQLite
 * does not: it reads and then writes in separate steps, so 20 concurrent
 * `findOneAndUpdate({_id, n: {$lt: 3}}, {$inc: {n: 1}})` all "succeed" and leave n = 1
 * (docs/ferretdb-gaps.md). Serialising the write commands (all of them, or those to one
 * collection: {@link WriteLanes}) restores MongoDB's per-document guarantee for dev and tests
 * without changing a byte of what is sent. Reads pass straight through.
 *
 * It understands only the MongoDB wire framing (a little-endian int32 length first) and the name
 * of an OP_MSG command; everything else is forwarded untouched.
 */

const OP_MSG = 2013;
const WRITE_COMMANDS = new Set(['insert', 'update', 'delete', 'findandmodify', 'findAndModify']);

/**
 * The command name of an OP_MSG request and, when its value is a string (`{insert: "opinions"}`),
 * the collection it names.
 */
export function commandOf(message: Buffer): { name: string; collection?: string } | undefined {
  if (message.length < 26 || message.readInt32LE(12) !== OP_MSG) return undefined;
  // header (16) + flagBits (4); section kind 0 carries the body document.
  let offset = 20;
  if (message[offset] !== 0) return undefined;
  offset += 1 + 4; // kind byte, document length
  const type = message[offset];
  offset += 1;
  const end = message.indexOf(0, offset);
  if (end === -1) return undefined;
  const name = message.toString('utf8', offset, end);
  const BSON_STRING = 0x02;
  if (type !== BSON_STRING || end + 5 > message.length) return { name };
  const length = message.readInt32LE(end + 1);
  if (length < 1 || end + 5 + length > message.length) return { name };
  return { name, collection: message.toString('utf8', end + 5, end + 4 + length) };
}

/** Splits a byte stream into whole wire messages. */
class MessageReader {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const messages: Buffer[] = [];
    while (this.buffered.length >= 4) {
      const length = this.buffered.readInt32LE(0);
      if (this.buffered.length < length) break;
      messages.push(this.buffered.subarray(0, length));
      this.buffered = this.buffered.subarray(length);
    }
    return messages;
  }
}

/** A queue of write turns across every client connection. */
class WriteTurns {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves when it is this caller's turn; call the returned function when done. */
  take(): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail.then(() => release);
    this.tail = this.tail.then(() => done);
    return turn;
  }
}

/**
 * Which writes wait for each other. 'global': all of them (FerretDB on SQLite, one file per
 * database). 'per-collection': writes to one collection — enough for single-document atomicity,
 * and what FerretDB on PostgreSQL can take, where tables are written in parallel.
 */
export type WriteLanes = 'global' | 'per-collection';

class Lanes {
  private readonly turns = new Map<string, WriteTurns>();

  constructor(private readonly mode: WriteLanes) {}

  of(collection: string | undefined): WriteTurns {
    const key = this.mode === 'global' ? '' : (collection ?? '');
    let turns = this.turns.get(key);
    if (!turns) this.turns.set(key, (turns = new WriteTurns()));
    return turns;
  }
}

function pipeClient(client: Socket, upstreamPort: number, lanes: Lanes): void {
  const upstream = createConnection(upstreamPort, '127.0.0.1');
  const requests = new MessageReader();
  const replies = new MessageReader();
  // Requests on one connection are answered in order; each waiting entry is the release of a write turn, or null.
  const awaitingReply: Array<(() => void) | null> = [];
  let chain = Promise.resolve();
  let closed = false;

  client.on('data', (chunk: Buffer) => {
    for (const message of requests.push(chunk)) {
      chain = chain.then(async () => {
        if (closed) return;
        const command = commandOf(message);
        const isWrite = WRITE_COMMANDS.has(command?.name ?? '');
        const release = isWrite ? await lanes.of(command?.collection).take() : null;
        // The connection may have closed while this write waited for its turn: hand the turn on.
        if (closed) {
          release?.();
          return;
        }
        // moreToCome (flag bit 1): the server sends no reply, so the turn ends once it is written.
        if (message.length >= 20 && message.readInt32LE(12) === OP_MSG && (message.readUInt32LE(16) & 2) !== 0) {
          upstream.write(message, () => release?.());
          return;
        }
        awaitingReply.push(release);
        upstream.write(message);
      });
    }
  });
  upstream.on('data', (chunk: Buffer) => {
    for (const message of replies.push(chunk)) {
      client.write(message);
      awaitingReply.shift()?.();
    }
  });
  const closeBoth = () => {
    closed = true;
    for (const release of awaitingReply.splice(0)) release?.();
    client.destroy();
    upstream.destroy();
  };
  client.on('close', closeBoth);
  upstream.on('close', closeBoth);
  client.on('error', closeBoth);
  upstream.on('error', closeBoth);
}

/** Starts the proxy on a free loopback port in front of `upstreamPort`. */
export async function startWriteSerializingProxy(
  upstreamPort: number,
  mode: WriteLanes = 'global',
): Promise<{ port: number; close(): Promise<void> }> {
  const lanes = new Lanes(mode);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    pipeClient(client, upstreamPort, lanes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
