import { mongoDriver } from './mongoDriver';

/** Server error code E11000: a write would have broken a unique index. */
const DUPLICATE_KEY_ERROR_CODE = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof mongoDriver().MongoServerError && error.code === DUPLICATE_KEY_ERROR_CODE;
}
