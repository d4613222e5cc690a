/**
 * Errors about content. A bad entry is the content's fault, not the code's, so the build prints
 * the message, the hint and the entry's location, and no stack trace: Astro's error printer adds
 * one only when the error carries a stack.
 */
import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';

export interface EntryLocation {
  file: string;
  line?: number;
}

/** An error that Astro prints as its message, its hint and (when given) the entry's location. */
export function contentError(message: string, hint: string, location?: EntryLocation): AstroError {
  return withoutTrace(new AstroError(message, hint), location);
}

/** The same error without its stack, for errors about content raised by Astro itself (schemas). */
export function withoutTrace<E extends Error>(error: E, location?: EntryLocation): E {
  error.stack = '';
  if (location) Object.assign(error, { loc: { file: location.file, line: location.line, column: location.line && 1 } });
  return error;
}

/** Astro's own errors about an entry's data: the entry is at fault, and the message says how. */
const ENTRY_ERRORS = new Set(['InvalidContentEntryDataError', 'DataCollectionEntryParseError', 'AstroUserError']);

/** A loader whose errors about entries print without a stack trace; other errors keep theirs. */
export function withEntryErrors(loader: Loader): Loader {
  return {
    ...loader,
    load: async (ctx) => {
      try {
        await loader.load(ctx);
      } catch (error) {
        throw error instanceof Error && ENTRY_ERRORS.has(error.name) ? withoutTrace(error) : error;
      }
    },
  };
}
