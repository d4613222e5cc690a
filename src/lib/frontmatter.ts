/**
 * Splits an entry file into its YAML frontmatter and its body. Shared by the content loader and
 * the ingest, so both read entries the same way.
 */
import { parse } from 'yaml';

export class FrontmatterError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'FrontmatterError';
  }
}

/** The frontmatter data, the body (trimmed) of an entry file, and the line of the file the body starts on. */
export function splitFrontmatter(text: string, file: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const normalised = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/u.exec(normalised);
  if (!match)
    throw new FrontmatterError(file, 'frontmatter: missing; the file must start with a line "---", the fields, and another line "---"');
  let data: unknown;
  try {
    data = parse(match[1] ?? '');
  } catch (error) {
    const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/u, '');
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    const where = line === undefined ? '' : ` (line ${line + 1} of the file)`;
    throw new FrontmatterError(
      file,
      `frontmatter: the YAML does not parse${where}: ${reason}; put double quotes around a value that holds ": " or starts with *, &, !, [, { or #`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FrontmatterError(file, 'frontmatter: must be a set of "field: value" lines');
  }
  const rest = match[2] ?? '';
  const bodyStart = normalised.length - rest.trimStart().length;
  return { data: data as Record<string, unknown>, body: rest.trim(), bodyLine: normalised.slice(0, bodyStart).split('\n').length };
}
