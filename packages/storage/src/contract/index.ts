export type { DocumentStoreUnderTest } from './documentStoreContract';
export { describeDocumentStoreContract } from './documentStoreContract';
