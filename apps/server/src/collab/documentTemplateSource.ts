/**
 * Port: the initial content of a document that has never been written (for a commitment draft,
 * the OGP template sections), as one Yjs update generated on the server. Seeding it on the
 * server, once, is what keeps clients from bootstrapping content and duplicating it.
 */
export interface DocumentTemplateSource {
  initialContentFor(docName: string): Promise<Uint8Array | null>;
}

export const noDocumentTemplates: DocumentTemplateSource = {
  initialContentFor: async () => null,
};
