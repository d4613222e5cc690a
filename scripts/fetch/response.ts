/**
 * Whether a Daily Papers API response is what the ingest reads, before anything is written: a
 * JSON array whose every item fits. A response that is not (an HTML error page, JSON cut off, a
 * changed shape or field type) is refused whole, since a half-read day would look complete, and
 * kept under content/sources/rejected/ (git-ignored) for someone to look at.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentError } from '../ingest/commit.ts';
import { decodeSource } from '../ingest/read.ts';
import { parseHfApi } from '../ingest/sources/hf-api.ts';
import { SourceError } from '../ingest/sources/index.ts';

const REJECTED_DIR = 'sources/rejected';

/** At most this many of a response's problems are named; the rest are counted. */
const SHOWN_PROBLEMS = 5;

export type Verdict = { kind: 'papers'; count: number } | { kind: 'empty' } | { kind: 'refused'; reason: string };

/** Reads a response as the ingest will, and says whether it may go in. */
export function checkResponse(bytes: Uint8Array, day: string, contentType: string): Verdict {
  const served = contentType ? ` (served as ${contentType})` : '';
  try {
    const parsed = parseHfApi(decodeSource(bytes).text, day);
    const { problems, records } = parsed;
    if (problems.length === 0) return records.length === 0 ? { kind: 'empty' } : { kind: 'papers', count: records.length };
    const items = new Set(problems.map((p) => p.where)).size;
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `${p.where}: ${p.field}: ${p.message}`);
    const more = problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : '';
    return {
      kind: 'refused',
      reason: `${items} of its ${items + records.length} items do not have the fields the catalogue reads, as it reads them (has the API changed?): ${shown.join('; ')}${more}`,
    };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { kind: 'refused', reason: `the response${served} cannot be read: ${error.message}` };
  }
}

/** The file extension a rejected response is kept with, so it opens in the right viewer. */
function extensionOf(contentType: string): string {
  if (/html/iu.test(contentType)) return 'html';
  if (/json/iu.test(contentType) || contentType === '') return 'json';
  return 'txt';
}

/**
 * Keeps a refused response, byte for byte, as `rejected/hf-daily-DAY-HASH.EXT` in the content
 * root's sources, and returns its path. The same response refused again is the same file.
 */
export function keepRejected(contentDir: string, day: string, bytes: Uint8Array, contentType: string): string {
  const dir = join(contentDir, REJECTED_DIR);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  const path = join(dir, `hf-daily-${day}-${hash}.${extensionOf(contentType)}`);
  const temp = `${path}.tmp-${process.pid}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    throw environmentError(error, dir, 'keep the refused response in');
  }
  return path;
}
