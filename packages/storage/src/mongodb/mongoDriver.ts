import type * as MongoDriver from 'mongodb';

/**
 * The MongoDB driver, loaded on first use. Importing it costs about 16 MB of code plus the 17 MiB
 * buffer BSON allocates for serialisation: a server on the embedded SQLite store should not pay
 * for that, so nothing imports the driver's values statically.
 */
let loaded: typeof MongoDriver | null = null;

export async function loadMongoDriver(): Promise<typeof MongoDriver> {
  loaded ??= await import('mongodb');
  return loaded;
}

/** The driver, once `loadMongoDriver` has run (every adapter entry point awaits it first). */
export function mongoDriver(): typeof MongoDriver {
  if (!loaded) throw new Error('the MongoDB driver is used before loadMongoDriver()');
  return loaded;
}
