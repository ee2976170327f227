import { AnyTag, skipAnyValue, skipPropertyKey } from './anyValueWalker';
import type { AnyValueRejection } from './anyValueWalker';
import { BoundedReader, InputRejected } from './boundedReader';
import type { ReadFailureReason } from './boundedReader';

/**
 * Structural validation of Yjs v1 updates from untrusted clients, run before `Y.applyUpdate`.
 *
 * Mirrors yjs 13.6 `readClientsStructRefs` + `readItemContent` (structs) and
 * `readAndApplyDeleteSet` (delete set). Besides "is every read in bounds", it refuses inputs
 * that parse but would make Yjs throw or misbehave half-way through integration:
 * JSON that does not parse, zero-length structs (they break the binary search in
 * `findIndexSS`), references to the same client's own future clocks (Yjs assumes they exist and
 * `findIndexSS` throws), and sub-document options Yjs would spread into `new Doc(...)`.
 * It cannot check references to other clients: whether those exist depends on the document.
 */

export type UpdateRejection =
  | ReadFailureReason
  | AnyValueRejection
  | 'empty'
  | 'trailing_bytes'
  | 'too_many_clients'
  | 'too_many_structs'
  | 'too_many_delete_ranges'
  | 'duplicate_client'
  | 'length_out_of_bounds'
  | 'zero_length_struct'
  | 'zero_length_delete_range'
  | 'clock_out_of_bounds'
  | 'forward_reference'
  | 'invalid_parent_info'
  | 'invalid_struct_info'
  | 'unknown_content_ref'
  | 'unknown_type_ref'
  | 'invalid_json'
  | 'invalid_subdoc_options';

export interface UpdateLimits {
  /** Structs (items, GC and skip ranges) across all clients of one update. */
  readonly maxStructs: number;
  /** Delete-set ranges across all clients of one update. */
  readonly maxDeleteRanges: number;
  /** Length of one GC/Skip/deleted struct or delete range, in clock units. */
  readonly maxStructLength: number;
  /** Arrays/objects nested inside one Any value (Y.Map / Y.Array content). */
  readonly maxAnyDepth: number;
  /** Client sections in the struct part and, separately, in the delete set. */
  readonly maxClients: number;
}

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = Object.freeze({
  maxStructs: 100_000,
  maxDeleteRanges: 100_000,
  maxStructLength: 2 ** 31,
  maxAnyDepth: 32,
  maxClients: 10_000,
});

export interface UpdateStats {
  /** Structs in the struct part, including GC and skip ranges. */
  readonly structs: number;
  readonly deleteRanges: number;
  /** Client sections in the struct part. */
  readonly clients: number;
}

export type ValidationResult =
  | { readonly ok: true; readonly stats: UpdateStats }
  | { readonly ok: false; readonly reason: UpdateRejection; readonly detail: string };

/** Content refs: `info & 0b11111` (yjs structs/Item.js `contentRefs`). */
const ContentRef = {
  GC: 0,
  Deleted: 1,
  JSON: 2,
  Binary: 3,
  String: 4,
  Embed: 5,
  Format: 6,
  Type: 7,
  Any: 8,
  Doc: 9,
  Skip: 10,
} as const;

/** Type refs of ContentType (yjs structs/ContentType.js `typeRefs`). */
const TypeRef = {
  XmlElement: 3,
  XmlHook: 5,
  Last: 6, // YXmlText
} as const;

const INFO_HAS_ORIGIN = 0b1000_0000;
const INFO_HAS_RIGHT_ORIGIN = 0b0100_0000;
const INFO_HAS_PARENT_SUB = 0b0010_0000;
const INFO_CONTENT_REF_MASK = 0b0001_1111;

const PARENT_INFO_ID = 0;
const PARENT_INFO_ROOT_KEY = 1;

/** Keys ContentDoc writes (gc, autoLoad, meta) plus the one more key Yjs reads (shouldLoad). */
const SUBDOC_BOOLEAN_OPTIONS = new Set(['gc', 'autoLoad', 'shouldLoad']);
const SUBDOC_META_OPTION = 'meta';

export function validateUpdateV1(
  bytes: Uint8Array,
  limits?: Partial<UpdateLimits>,
): ValidationResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty', detail: 'update has no bytes' };
  const walker = new UpdateWalker(new BoundedReader(bytes), resolveLimits(limits));
  try {
    return { ok: true, stats: walker.walk() };
  } catch (error) {
    if (error instanceof InputRejected) {
      // Every reason thrown during the walk is a member of UpdateRejection (see `reject`).
      return { ok: false, reason: error.reason as UpdateRejection, detail: error.message };
    }
    throw error;
  }
}

/** Explicit `??` rather than a spread: a spread would let `{ maxStructs: undefined }` disable a limit. */
function resolveLimits(limits: Partial<UpdateLimits> | undefined): UpdateLimits {
  if (limits === undefined) return DEFAULT_UPDATE_LIMITS;
  return {
    maxStructs: limits.maxStructs ?? DEFAULT_UPDATE_LIMITS.maxStructs,
    maxDeleteRanges: limits.maxDeleteRanges ?? DEFAULT_UPDATE_LIMITS.maxDeleteRanges,
    maxStructLength: limits.maxStructLength ?? DEFAULT_UPDATE_LIMITS.maxStructLength,
    maxAnyDepth: limits.maxAnyDepth ?? DEFAULT_UPDATE_LIMITS.maxAnyDepth,
    maxClients: limits.maxClients ?? DEFAULT_UPDATE_LIMITS.maxClients,
  };
}

class UpdateWalker {
  private structCount = 0;
  private deleteRangeCount = 0;

  constructor(
    private readonly reader: BoundedReader,
    private readonly limits: UpdateLimits,
  ) {}

  walk(): UpdateStats {
    const clients = this.walkStructSection();
    this.walkDeleteSet();
    if (this.reader.remaining() > 0) {
      this.reject('trailing_bytes', `${this.reader.remaining()} bytes after the delete set`);
    }
    return { structs: this.structCount, deleteRanges: this.deleteRangeCount, clients };
  }

  private walkStructSection(): number {
    const reader = this.reader;
    const clientCount = reader.readCount('client');
    if (clientCount > this.limits.maxClients) {
      this.reject('too_many_clients', `${clientCount} clients, limit ${this.limits.maxClients}`);
    }
    // Yjs keys struct readers by client; a repeated client silently replaces the first section.
    const seenClients = clientCount > 1 ? new Set<number>() : undefined;
    for (let i = 0; i < clientCount; i++) {
      const structsOfClient = reader.readCount('struct');
      this.structCount += structsOfClient;
      if (this.structCount > this.limits.maxStructs) {
        this.reject('too_many_structs', `over ${this.limits.maxStructs} structs`);
      }
      const client = reader.readVarUint();
      if (seenClients !== undefined) {
        if (seenClients.has(client)) this.reject('duplicate_client', `client ${client} repeated`);
        seenClients.add(client);
      }
      let clock = reader.readVarUint();
      for (let j = 0; j < structsOfClient; j++) {
        const length = this.walkStruct(client, clock);
        // findIndexSS divides by and searches on struct lengths; Yjs never writes empty structs.
        if (length === 0) this.reject('zero_length_struct', `struct at clock ${clock} is empty`);
        if (length > Number.MAX_SAFE_INTEGER - clock) {
          this.reject('clock_out_of_bounds', `clock ${clock} + length ${length} exceeds 2^53`);
        }
        clock += length;
      }
    }
    return clientCount;
  }

  /** Returns the struct's length in clock units. */
  private walkStruct(client: number, clock: number): number {
    const reader = this.reader;
    const info = reader.readUint8();
    const contentRef = info & INFO_CONTENT_REF_MASK;
    if (contentRef === ContentRef.GC || contentRef === ContentRef.Skip) {
      // applyUpdate looks only at the low five bits, but the lazy reader behind mergeUpdates and
      // diffUpdate wants exactly 10 for Skip and reads 0b01001010 as an Item with content 10,
      // which throws. Yjs writes these two info bytes with no flag bits, so demand that.
      if (info !== contentRef) this.reject('invalid_struct_info', `info byte ${info}`);
      return this.readStructLength();
    }
    const hasOrigin = (info & INFO_HAS_ORIGIN) !== 0;
    const hasRightOrigin = (info & INFO_HAS_RIGHT_ORIGIN) !== 0;
    if (hasOrigin) this.walkReference(client, clock, 'origin');
    if (hasRightOrigin) this.walkReference(client, clock, 'right origin');
    if (!hasOrigin && !hasRightOrigin) {
      const parentInfo = reader.readVarUint();
      if (parentInfo === PARENT_INFO_ROOT_KEY) {
        skipPropertyKey(reader);
      } else if (parentInfo === PARENT_INFO_ID) {
        this.walkReference(client, clock, 'parent');
      } else {
        this.reject('invalid_parent_info', `parent info ${parentInfo}`);
      }
      if ((info & INFO_HAS_PARENT_SUB) !== 0) skipPropertyKey(reader);
    }
    return this.walkContent(contentRef);
  }

  /**
   * Yjs only checks that IDs of *other* clients are already known; an ID of the struct's own
   * client is assumed to precede it, and `findIndexSS` throws mid-transaction when it does not.
   */
  private walkReference(client: number, clock: number, what: string): void {
    const referencedClient = this.reader.readVarUint();
    const referencedClock = this.reader.readVarUint();
    if (referencedClient === client && referencedClock >= clock) {
      this.reject('forward_reference', `${what} ${referencedClock} is not before clock ${clock}`);
    }
  }

  private walkContent(contentRef: number): number {
    const reader = this.reader;
    switch (contentRef) {
      case ContentRef.Deleted:
        return this.readStructLength();
      case ContentRef.JSON: {
        const count = reader.readCount('JSON value');
        for (let i = 0; i < count; i++) {
          const json = reader.readVarString();
          // ContentJSON maps the literal "undefined" to undefined instead of parsing it.
          if (json !== 'undefined') this.checkJson(json);
        }
        return count;
      }
      case ContentRef.Binary:
        reader.skipVarUint8Array();
        return 1;
      case ContentRef.String:
        return reader.readVarStringUtf16Length();
      case ContentRef.Embed:
        this.checkJson(reader.readVarString());
        return 1;
      case ContentRef.Format:
        skipPropertyKey(reader);
        this.checkJson(reader.readVarString());
        return 1;
      case ContentRef.Type:
        this.walkTypeRef();
        return 1;
      case ContentRef.Any: {
        const count = reader.readCount('Any value');
        for (let i = 0; i < count; i++) skipAnyValue(reader, 0, this.limits.maxAnyDepth);
        return count;
      }
      case ContentRef.Doc:
        reader.skipVarString(); // guid
        this.walkSubdocOptions();
        return 1;
      default:
        return this.reject('unknown_content_ref', `content ref ${contentRef}`);
    }
  }

  private walkTypeRef(): void {
    const typeRef = this.reader.readVarUint();
    if (typeRef > TypeRef.Last) this.reject('unknown_type_ref', `type ref ${typeRef}`);
    if (typeRef === TypeRef.XmlElement || typeRef === TypeRef.XmlHook) {
      this.reader.skipVarString(); // node name / hook name
    }
  }

  /**
   * Yjs does `new Doc({ guid, ...opts, shouldLoad: opts.shouldLoad || ... })`: a non-object
   * throws, and arbitrary keys would reach the Doc constructor (`guid`, `gcFilter`, ...).
   */
  private walkSubdocOptions(): void {
    const reader = this.reader;
    if (reader.readUint8() !== AnyTag.Object) {
      this.reject('invalid_subdoc_options', 'sub-document options are not an object');
    }
    const keyCount = reader.readCount('sub-document option');
    for (let i = 0; i < keyCount; i++) {
      const key = reader.readVarString();
      if (key === SUBDOC_META_OPTION) {
        skipAnyValue(reader, 1, this.limits.maxAnyDepth);
      } else if (SUBDOC_BOOLEAN_OPTIONS.has(key)) {
        const tag = reader.readUint8();
        if (tag !== AnyTag.True && tag !== AnyTag.False) {
          this.reject('invalid_subdoc_options', `sub-document option "${key}" is not a boolean`);
        }
      } else {
        this.reject('invalid_subdoc_options', `unexpected sub-document option "${key}"`);
      }
    }
  }

  private walkDeleteSet(): void {
    const reader = this.reader;
    const clientCount = reader.readCount('delete-set client');
    if (clientCount > this.limits.maxClients) {
      this.reject('too_many_clients', `${clientCount} delete-set clients`);
    }
    for (let i = 0; i < clientCount; i++) {
      reader.readVarUint(); // client
      const rangeCount = reader.readCount('delete range');
      this.deleteRangeCount += rangeCount;
      if (this.deleteRangeCount > this.limits.maxDeleteRanges) {
        this.reject('too_many_delete_ranges', `over ${this.limits.maxDeleteRanges} delete ranges`);
      }
      for (let j = 0; j < rangeCount; j++) {
        const clock = reader.readVarUint();
        const length = reader.readVarUint();
        if (length > this.limits.maxStructLength) {
          this.reject('length_out_of_bounds', `delete range of ${length}`);
        }
        // Yjs keeps ranges it cannot apply yet as a v2 update, and the v2 encoder throws
        // on a zero length (UpdateEncoderV2.writeDsLen) in the middle of applyUpdate.
        if (length === 0) this.reject('zero_length_delete_range', `empty range at ${clock}`);
        if (length > Number.MAX_SAFE_INTEGER - clock) {
          this.reject('clock_out_of_bounds', `delete range ${clock}+${length} exceeds 2^53`);
        }
      }
    }
  }

  private readStructLength(): number {
    const length = this.reader.readVarUint();
    if (length > this.limits.maxStructLength) {
      this.reject('length_out_of_bounds', `struct length ${length}`);
    }
    return length;
  }

  /** Yjs JSON.parses these while reading; a throw there aborts the update mid-transaction. */
  private checkJson(json: string): void {
    try {
      JSON.parse(json);
    } catch {
      this.reject('invalid_json', 'embedded JSON does not parse');
    }
  }

  private reject(reason: UpdateRejection, detail: string): never {
    return this.reader.fail(reason, detail);
  }
}
