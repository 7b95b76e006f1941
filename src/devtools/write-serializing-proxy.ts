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

/** Bytes taken by a BSON value of `type` at `offset` (its element name already read), or -1 if unknown. */
function bsonValueSize(message: Buffer, type: number, offset: number): number {
  const fixed: Record<number, number> = {
    0x01: 8,
    0x06: 0,
    0x07: 12,
    0x08: 1,
    0x09: 8,
    0x0a: 0,
    0x10: 4,
    0x11: 8,
    0x12: 8,
    0x13: 16,
    0x7f: 0,
    0xff: 0,
  };
  if (type in fixed) return fixed[type]!;
  if (offset + 4 > message.length) return -1;
  const length = message.readInt32LE(offset);
  if (type === 0x02 || type === 0x0d || type === 0x0e) return 4 + length; // string, code, symbol
  if (type === 0x03 || type === 0x04 || type === 0x0f) return length; // document, array, code with scope
  if (type === 0x05) return 5 + length; // binary: length, subtype, bytes
  if (type === 0x0b) {
    const first = message.indexOf(0, offset); // regex: two C strings
    const second = first === -1 ? -1 : message.indexOf(0, first + 1);
    return second === -1 ? -1 : second + 1 - offset;
  }
  return -1;
}

/**
 * The command name of an OP_MSG request, the collection it names when that is a string
 * (`{insert: "opinions"}`), and the database (`$db`) it runs in.
 */
export function commandOf(message: Buffer): { name: string; collection?: string; database?: string } | undefined {
  if (message.length < 26 || message.readInt32LE(12) !== OP_MSG) return undefined;
  // header (16) + flagBits (4); section kind 0 carries the body document.
  if (message[20] !== 0) return undefined;
  const bodyEnd = Math.min(message.length, 21 + message.readInt32LE(21));
  const found: { name?: string; collection?: string; database?: string } = {};
  for (let offset = 25; offset < bodyEnd && message[offset] !== 0;) {
    const type = message[offset]!;
    const nameEnd = message.indexOf(0, offset + 1);
    if (nameEnd === -1 || nameEnd >= bodyEnd) break;
    const key = message.toString('utf8', offset + 1, nameEnd);
    const size = bsonValueSize(message, type, nameEnd + 1);
    if (size < 0 || nameEnd + 1 + size > bodyEnd) break;
    const text = type === 0x02 && size > 4 ? message.toString('utf8', nameEnd + 5, nameEnd + size) : undefined;
    if (found.name === undefined) {
      found.name = key;
      found.collection = text;
    } else if (key === '$db') {
      found.database = text;
    }
    offset = nameEnd + 1 + size;
  }
  return found.name === undefined ? undefined : (found as { name: string; collection?: string; database?: string });
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
 * Which writes wait for each other. 'global': all of them. 'per-database': writes to one database
 * (FerretDB on SQLite keeps each database in a file of its own, so test files with their own
 * databases no longer wait for each other's writes). 'per-collection': writes to one collection of
 * one database — enough for single-document atomicity, and what FerretDB on PostgreSQL can take,
 * where tables are written in parallel.
 */
export type WriteLanes = 'global' | 'per-database' | 'per-collection';

class Lanes {
  private readonly turns = new Map<string, WriteTurns>();

  constructor(private readonly mode: WriteLanes) {}

  of(command: { collection?: string; database?: string } | undefined): WriteTurns {
    const database = command?.database ?? '';
    const key = this.mode === 'global' ? '' : this.mode === 'per-database' ? database : `${database}.${command?.collection ?? ''}`;
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
        const release = isWrite ? await lanes.of(command).take() : null;
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
