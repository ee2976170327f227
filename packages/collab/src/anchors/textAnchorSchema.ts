import { z } from 'zod';

import {
  ANCHOR_CONTEXT_MAX_CHARS,
  ANCHOR_POSITION_MAX_BASE64_CHARS,
  ANCHOR_QUOTE_MAX_CHARS,
  decodeAnchorPosition,
  type TextAnchor,
} from './textAnchor';

// Padded standard base64, as lib0's `toBase64` writes it (btoa).
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const anchorPositionSchema = z
  .string()
  .min(4)
  .max(ANCHOR_POSITION_MAX_BASE64_CHARS)
  .regex(BASE64_PATTERN, 'not base64')
  .refine((encoded) => decodeAnchorPosition(encoded) !== undefined, 'not a Yjs relative position');

/**
 * The shape check of an anchor from the wire or from storage. It says nothing about which
 * document the anchor belongs to: `checkAnchorBelongsToDoc` does, against the document itself.
 */
export const textAnchorSchema = z.strictObject({
  start: anchorPositionSchema,
  end: anchorPositionSchema,
  quote: z.string().min(1).max(ANCHOR_QUOTE_MAX_CHARS),
  prefix: z.string().max(ANCHOR_CONTEXT_MAX_CHARS),
  suffix: z.string().max(ANCHOR_CONTEXT_MAX_CHARS),
}) satisfies z.ZodType<TextAnchor>;
