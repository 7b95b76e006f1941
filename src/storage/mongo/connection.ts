import mongoose, { type Connection } from 'mongoose';

/**
 * Opens a dedicated mongoose connection (not the global default), so tests and several
 * instances in one process never share state by accident.
 */
export async function connectMongo(uri: string, options: { dbName?: string } = {}): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName: options.dbName,
    serverSelectionTimeoutMS: 5000,
    // Indexes are built explicitly at start-up by syncIndexes(), not lazily per model.
    autoIndex: false,
  });
  await connection.asPromise();
  return connection;
}

/** Builds the indexes every model declares. Called once at start-up. */
export async function buildIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) {
    await model.createIndexes();
  }
}

/** Throws when MongoDB does not answer. */
export async function pingMongo(connection: Connection): Promise<void> {
  if (connection.readyState !== 1 || !connection.db) throw new Error('MongoDB is not connected');
  await connection.db.admin().command({ ping: 1 });
}

/**
 * Reopens the connection when the driver's server monitor hangs.
 *
 * Why: after a server restart the driver (mongodb 6.20) can be left with a polling heartbeat
 * that never completes (it waits on a socket destroyed before Node reported it closed). With
 * MongoDB the driver restarts its monitor by itself, because MongoDB sends a `topologyVersion`;
 * FerretDB v1 (dev and tests) sends none, so every request would wait for a server for ever.
 * When a polling heartbeat has been outstanding for `stuckAfterMs`, the connection is closed
 * and opened again; models stay bound to the same mongoose Connection. Awaited (streaming)
 * heartbeats are long polls by design and are not watched.
 */
export function watchMongoMonitor(
  connection: Connection,
  options: { uri: string; stuckAfterMs?: number; onReopen?: (error?: unknown) => void },
): () => void {
  const stuckAfterMs = options.stuckAfterMs ?? 20_000;
  let outstandingSince: number | undefined;
  let reopening = false;
  const listen = () => {
    const client = connection.getClient();
    client.on('serverHeartbeatStarted', (event) => {
      if (!event.awaited) outstandingSince ??= Date.now();
    });
    client.on('serverHeartbeatSucceeded', () => (outstandingSince = undefined));
    client.on('serverHeartbeatFailed', () => (outstandingSince = undefined));
  };
  listen();
  const timer = setInterval(() => {
    if (reopening || outstandingSince === undefined || Date.now() - outstandingSince < stuckAfterMs) return;
    reopening = true;
    outstandingSince = undefined;
    void (async () => {
      try {
        // Not a forced close: mongoose refuses to reopen a force-closed connection.
        await connection.close();
        await connection.openUri(options.uri, { serverSelectionTimeoutMS: 5000, autoIndex: false });
        listen();
        options.onReopen?.();
      } catch (error) {
        options.onReopen?.(error);
      } finally {
        reopening = false;
      }
    })();
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}
