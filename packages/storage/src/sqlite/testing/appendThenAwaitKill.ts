/**
 * Child process for the SIGKILL durability test: appends one update, reports the acknowledged
 * seq on stdout, then idles until the parent kills it without any chance to close the database.
 */
import { openSqliteDocumentStore } from '../sqliteDocumentStore';

const [filePath, docName] = process.argv.slice(2);
if (!filePath || !docName) {
  throw new Error('usage: appendThenAwaitKill <filePath> <docName>');
}

const store = await openSqliteDocumentStore({ filePath });
const lastSeqs = await store.appendUpdates([{ docName, update: new Uint8Array([1, 2, 3]) }]);
process.stdout.write(`${lastSeqs.get(docName)}\n`);
setInterval(() => {}, 60_000);
