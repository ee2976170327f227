import { mongoDriver } from '../mongoDriver';
import { UniqueConstraintError } from '../../workspace/workspaceStore';
import { isDuplicateKeyError } from '../isDuplicateKeyError';
import { UNIQUE_CONSTRAINTS_BY_INDEX } from './workspaceCollections';

/** "E11000 duplicate key error collection: atelier.users index: users_email_key_unique dup key: …" */
const INDEX_NAME_IN_MESSAGE = /\bindex: (\S+) dup key/;

/** Runs a write, turning a duplicate-key error into the port's UniqueConstraintError. */
export async function withUniqueConstraints<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toUniqueConstraintError(error) ?? error;
  }
}

/**
 * Which index refused the write, read from the message, whose format has been stable since
 * long before the oldest server this driver supports. An index the table does not know is a
 * bug in the schema; the original error then says more than a guess would.
 */
export function toUniqueConstraintError(error: unknown): UniqueConstraintError | null {
  if (!isDuplicateKeyError(error) || !(error instanceof mongoDriver().MongoServerError))
    return null;
  const indexName = INDEX_NAME_IN_MESSAGE.exec(error.message)?.[1];
  if (indexName === undefined || !Object.hasOwn(UNIQUE_CONSTRAINTS_BY_INDEX, indexName))
    return null;
  const constraint = UNIQUE_CONSTRAINTS_BY_INDEX[indexName];
  return constraint ? new UniqueConstraintError(constraint) : null;
}
