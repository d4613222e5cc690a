/**
 * Turns a source file's bytes into text: UTF-8 (with or without a byte-order mark) or UTF-16 with
 * its byte-order mark, which some editors save; anything else is refused as not text. Says which
 * encoding it read when it was not plain UTF-8, so a surprising one is noticed.
 */
import { SourceError } from './sources/index.ts';

export interface Decoded {
  text: string;
  /** Set when the bytes were not plain UTF-8: what was read instead. */
  note?: string;
}

export function decodeSource(bytes: Uint8Array): Decoded {
  const [a, b, c] = bytes;
  const utf16 = (label: 'utf-16le' | 'utf-16be'): Decoded => {
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes.subarray(2));
      return {
        text,
        note: `decoded as ${label === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'}, by its byte-order mark`,
      };
    } catch {
      throw new SourceError(`the file starts with a UTF-16 byte-order mark but is not valid UTF-16; save it as UTF-8 and ingest it again`);
    }
  };
  if (a === 0xff && b === 0xfe) return utf16('utf-16le');
  if (a === 0xfe && b === 0xff) return utf16('utf-16be');
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    if (a === 0xef && b === 0xbb && c === 0xbf) return { text: text.slice(1), note: 'read as UTF-8; its byte-order mark was skipped' };
    return { text };
  } catch {
    throw new SourceError(
      'the file is not UTF-8 text (is it a binary file, or saved in another encoding?); save it as UTF-8 and ingest it again',
    );
  }
}
