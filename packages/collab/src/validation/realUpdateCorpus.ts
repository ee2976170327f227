import * as Y from 'yjs';

/**
 * Test support: updates produced by Yjs itself, covering every struct and content kind the v1
 * encoding has. Used by the validator tests (everything here must be accepted) and as seeds for
 * the fuzz test. Not exported from the package.
 */

export interface RealUpdate {
  readonly name: string;
  readonly update: Uint8Array;
  /** Document state the update was produced on top of (empty update for full states). */
  readonly base: Uint8Array;
}

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

export function buildRealUpdateCorpus(): RealUpdate[] {
  return [
    ...recordScenario('rich text', editRichText),
    ...recordScenario('map values', editMapWithEveryValueKind),
    ...recordScenario('array', editArray),
    ...recordScenario('xml', editXml),
    ...recordScenario('subdocuments', editSubdocuments),
    ...recordScenario('gc of deleted types', editWithGarbageCollection, { gc: true }),
    ...recordScenario('no gc', editRichText, { gc: false }),
    ...concurrentClients(),
  ];
}

type Edit = (doc: Y.Doc) => void;

function clientIdFor(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Runs the scenario's edits on a fresh document and records every incremental update, the
 * final state, and merges of the incremental updates (including a merge with a gap, which
 * makes Yjs write Skip structs).
 */
function recordScenario(name: string, edits: Edit[], options?: { gc: boolean }): RealUpdate[] {
  const doc = new Y.Doc(options);
  doc.clientID = clientIdFor(name); // fixed ids keep fuzz failures reproducible
  const recorded: RealUpdate[] = [];
  let base = EMPTY_STATE;
  doc.on('update', (update: Uint8Array) => {
    recorded.push({ name: `${name}: incremental #${recorded.length}`, update, base });
  });
  for (const edit of edits) {
    base = Y.encodeStateAsUpdate(doc);
    edit(doc);
  }
  const incremental = recorded.map((entry) => entry.update);
  const everyOther = incremental.filter((_, index) => index % 2 === 0);
  return [
    ...recorded,
    { name: `${name}: full state`, update: Y.encodeStateAsUpdate(doc), base: EMPTY_STATE },
    { name: `${name}: merged`, update: Y.mergeUpdates(incremental), base: EMPTY_STATE },
    { name: `${name}: merged with gaps`, update: Y.mergeUpdates(everyOther), base: EMPTY_STATE },
  ];
}

const editRichText: Edit[] = [
  (doc) => doc.getText('body').insert(0, 'Hello world, this is Atelier.'),
  (doc) => doc.getText('body').format(0, 5, { bold: true }),
  (doc) => doc.getText('body').insert(6, 'brave ', { italic: true, color: '#ff0000' }),
  (doc) => doc.getText('body').insertEmbed(3, { image: 'https://example.com/a.png', width: 40 }),
  (doc) => doc.getText('body').insert(0, 'Ünïcödé 😀 日本語 '.repeat(8)),
  (doc) => doc.getText('body').delete(2, 7),
  (doc) => doc.getText('body').format(1, 20, { bold: null }),
  (doc) => doc.getText('title').insert(0, '\uFEFFstarts with a byte order mark'),
  (doc) => doc.getText('body').delete(0, 30),
];

const editMapWithEveryValueKind: Edit[] = [
  (doc) => {
    const map = doc.getMap('settings');
    map.set('integer', 42);
    map.set('negative', -7_000_000);
    map.set('float', 3.25);
    map.set('large', 2 ** 40 + 1);
    map.set('string', 'value ✓');
    map.set('true', true);
    map.set('false', false);
    map.set('null', null);
    map.set('bigint', 123_456_789_012_345n);
  },
  (doc) => {
    const map = doc.getMap('settings');
    map.set('bytes', new Uint8Array([0, 1, 2, 255]));
    map.set('nested', {
      list: [1, 'two', { three: [3, [null, true]] }, new Uint8Array([9])],
      empty: {},
      nothing: undefined,
      float32: Math.fround(1.5),
    });
  },
  (doc) => {
    const map = doc.getMap('settings');
    const child = new Y.Map<unknown>();
    map.set('child', child);
    child.set('text', new Y.Text('nested text'));
    child.set('array', Y.Array.from([1, 2, 3]));
  },
  (doc) => doc.getMap('settings').set('integer', 43),
  (doc) => doc.getMap('settings').delete('string'),
];

const editArray: Edit[] = [
  (doc) => doc.getArray('items').push([1, 'a', { b: 2 }, [3], null]),
  (doc) => doc.getArray('items').insert(2, [new Uint8Array([7, 7])]),
  (doc) => doc.getArray('items').insert(0, [new Y.Array(), new Y.Map(), new Y.Text('t')]),
  (doc) => doc.getArray('items').delete(1, 3),
  (doc) => {
    const items = doc.getArray<unknown>('items');
    doc.transact(() => {
      for (let i = 0; i < 50; i++) items.push([i]);
    });
  },
  (doc) => doc.getArray('items').delete(5, 20),
];

const editXml: Edit[] = [
  (doc) => {
    const fragment = doc.getXmlFragment('prosemirror');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('align', 'left');
    paragraph.insert(0, [new Y.XmlText('hello xml')]);
    fragment.insert(0, [paragraph]);
    // Yjs's typings keep hooks out of fragments; an array holds one just as well.
    doc.getArray('hooks').insert(0, [new Y.XmlHook('mention')]);
  },
  (doc) => {
    const paragraph = doc.getXmlFragment('prosemirror').get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.format(0, 5, { strong: {} });
    text.insertEmbed(2, { hardBreak: true });
    paragraph.insertAfter(text, [new Y.XmlElement('image')]);
  },
  (doc) => {
    const paragraph = doc.getXmlFragment('prosemirror').get(0) as Y.XmlElement;
    paragraph.removeAttribute('align');
    paragraph.delete(0, 1);
  },
];

const editSubdocuments: Edit[] = [
  (doc) => {
    const folder = doc.getMap('folder');
    folder.set(
      'autoLoaded',
      new Y.Doc({ guid: 'sub-a', autoLoad: true, meta: { title: 'a', tags: ['x'] } }),
    );
    folder.set('withoutGc', new Y.Doc({ guid: 'sub-b', gc: false }));
    folder.set('plain', new Y.Doc({ guid: 'sub-c' }));
  },
  (doc) => doc.getMap('folder').delete('plain'),
];

const editWithGarbageCollection: Edit[] = [
  (doc) => {
    const map = doc.getMap('garbage');
    const list = new Y.Array<unknown>();
    map.set('list', list);
    list.push(['a', 'b', new Y.Text('deep')]);
  },
  (doc) => doc.getMap('garbage').set('list', 'replaced'),
  (doc) => doc.getText('draft').insert(0, 'temporary words here'),
  (doc) => doc.getText('draft').delete(0, 10),
  (doc) => doc.getArray('numbers').push([1, 2, 3, 4, 5, 6]),
  (doc) => doc.getArray('numbers').delete(0, 6),
];

/** Three clients editing the same text and map concurrently, then syncing both ways. */
function concurrentClients(): RealUpdate[] {
  const docs = [1, 2, 3].map((clientID) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    return doc;
  });
  const [alice, bob, carol] = docs as [Y.Doc, Y.Doc, Y.Doc];
  alice.getText('body').insert(0, 'shared start');
  syncAll(docs);
  alice.getText('body').insert(6, 'alice ');
  bob.getText('body').insert(6, 'bob ');
  bob.getText('body').delete(0, 3);
  carol.getMap('meta').set('title', 'carol');
  carol.getText('body').format(0, 4, { bold: true });
  const beforeSync = docs.map((doc) => Y.encodeStateAsUpdate(doc));
  const diffForAlice = Y.encodeStateAsUpdate(bob, Y.encodeStateVector(alice));
  syncAll(docs);
  return [
    { name: 'concurrent: bob diff for alice', update: diffForAlice, base: beforeSync[0]! },
    { name: 'concurrent: merged states', update: Y.mergeUpdates(beforeSync), base: EMPTY_STATE },
    { name: 'concurrent: synced state', update: Y.encodeStateAsUpdate(carol), base: EMPTY_STATE },
  ];
}

function syncAll(docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
}
