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
