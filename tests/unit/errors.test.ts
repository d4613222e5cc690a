import { describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { contentError, withEntryErrors } from '../../src/lib/errors.ts';

const failing = (error: Error) => withEntryErrors({ name: 'test', load: () => Promise.reject(error) });
/** What loading with a loader that fails with `error` throws. */
const thrown = async (error: Error): Promise<Error> => {
  try {
    await failing(error).load({} as LoaderContext);
  } catch (caught) {
    return caught as Error;
  }
  throw new Error('the loader did not fail');
};
const named = (name: string): Error => Object.assign(new Error('content/topics/x.yaml: match is missing'), { name });

describe('errors about content', () => {
  it('carry the message, the hint and the entry, and no stack trace', () => {
    const error = contentError('content/papers/a.mdx: body: is empty', 'Paste the abstract.', { file: '/site/content/papers/a.mdx' });
    expect(error.message).toBe('content/papers/a.mdx: body: is empty');
    expect(error.hint).toBe('Paste the abstract.');
    expect(error.stack).toBe('');
    expect((error as unknown as { loc: unknown }).loc).toEqual({ file: '/site/content/papers/a.mdx', line: undefined, column: undefined });
  });

  it("lose their stack when Astro's loaders raise them for an entry, and other errors keep theirs", async () => {
    for (const name of ['InvalidContentEntryDataError', 'DataCollectionEntryParseError']) {
      const error = await thrown(named(name));
      expect(error.message).toBe('content/topics/x.yaml: match is missing');
      expect(error.stack).toBe('');
    }
    const bug = await thrown(new TypeError('x is undefined'));
    expect(bug.stack).toMatch(/^TypeError: x is undefined\n\s+at /u);
  });
});
