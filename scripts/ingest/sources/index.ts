/**
 * Reads any source the ingest takes, detected by its content or named with `--format`: text copied
 * from a Hugging Face papers page, a Daily Papers API response (JSON), or an arXiv API response
 * (Atom). Adding a source is one adapter here and its tests.
 */
import { parseArxiv } from './arxiv.ts';
import { parseHfApi } from './hf-api.ts';
import { isBinary, parseHfPage } from './hf-page.ts';
import { SourceError, type ParsedSource, type SourceFormat } from './types.ts';

export { SourceError, type ParsedSource, type SourceFormat, type SourceMetadata, type SourceRecord } from './types.ts';

/** The format a source's text is in, by its first characters. */
export function detectFormat(text: string): SourceFormat {
  const start = text.replace(/^\uFEFF/u, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'hf-api';
  if (/^<(?:\?xml|feed)\b/u.test(start)) return 'arxiv';
  return 'hf-page';
}

/** Reads a source. `date` (YYYY-MM-DD, or a label) names its listing when the source has none. */
export function parseSource(text: string, options: { format?: SourceFormat | undefined; date?: string | undefined } = {}): ParsedSource {
  if (isBinary(text))
    throw new SourceError(
      'this is not a text listing: it contains binary data (NUL or invalid UTF-8 bytes); give the ingest the page copied as text, a Daily Papers API response or an arXiv feed',
    );
  const format = options.format ?? detectFormat(text);
  if (format === 'hf-api') return parseHfApi(text, options.date);
  if (format === 'arxiv') return parseArxiv(text, options.date);
  return parseHfPage(text, options.date);
}
