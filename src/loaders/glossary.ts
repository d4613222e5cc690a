/**
 * Loads content/glossary.yaml, the field's abbreviations (see the file's own header): one entry per
 * abbreviation, its key the id. A catalogue without the file has an empty glossary. A file that is
 * not valid YAML, repeats a key or is not a mapping fails the build naming the file and the line;
 * an entry that breaks the schema, naming the entry (Astro's message, without a stack trace).
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseDocument } from 'yaml';
import { contentError } from '../lib/errors.ts';

export function glossary(file: string): Loader {
  return {
    name: 'glossary',
    load: async ({ config, store, parseData, generateDigest }) => {
      const root = fileURLToPath(config.root);
      const absolute = resolve(root, file);
      const filePath = relative(root, absolute);
      store.clear();
      if (!existsSync(absolute)) return;
      const text = readFileSync(absolute, 'utf8');
      const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
      const [problem] = document.errors;
      if (problem) {
        const line = problem.linePos?.[0]?.line;
        throw contentError(
          `${filePath}${line ? `:${line}` : ''}: ${problem.message.split('\n')[0] ?? ''}`,
          'Each line is `ABBREVIATION: { expand: [what it stands for] }`, every abbreviation once.',
          line ? { file: filePath, line } : { file: filePath },
        );
      }
      const data: unknown = document.toJS({ mapAsMap: true });
      if (!(data instanceof Map))
        throw contentError(
          `${filePath}: the glossary must be a mapping of abbreviations`,
          'Write one line per abbreviation: `LLM: { expand: [large language model] }`.',
          {
            file: filePath,
          },
        );
      for (const [key, value] of data) {
        const id = String(key);
        // Plain objects from here on, as the schema expects; the Map only kept keys such as `constructor` safe.
        const entry = value instanceof Map ? Object.fromEntries(value) : value;
        store.set({
          id,
          data: await parseData({ id, data: entry as Record<string, unknown>, filePath }),
          filePath,
          digest: generateDigest(JSON.stringify(entry)),
        });
      }
    },
  };
}
