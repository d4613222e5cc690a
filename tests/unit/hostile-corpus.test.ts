import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../scripts/ingest/entry.ts';
import { planIngest } from '../../scripts/ingest/run.ts';
import { texToText } from '../../src/lib/math.ts';
import { fromMdxBody } from '../../src/lib/mdx.ts';
import { CASES, CORPUS_DIR } from '../fixtures/hostile/corpus.ts';
import { scratchDir } from './helpers.ts';

function scratch(): string {
  const dir = scratchDir('hostile-');
  cpSync(join(CORPUS_DIR, 'topics'), join(dir, 'topics'), { recursive: true });
  return dir;
}

describe('the hostile corpus', () => {
  it('holds at least 100 listings and entries, each with an outcome', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(CASES.filter((c) => c.expect.outcome === 'build').length).toBeGreaterThan(20);
    expect(CASES.filter((c) => c.expect.outcome === 'reject').length).toBeGreaterThan(20);
  });
});

describe('hostile listings through the ingest', () => {
  for (const c of CASES.filter((x) => x.kind === 'listing')) {
    it(`${c.file}: ${c.about}`, () => {
      const plan = planIngest({ listingPath: join(CORPUS_DIR, c.file), contentDir: scratch() });
      if (c.expect.outcome === 'reject') {
        const { field, reason, line } = c.expect;
        expect(plan.errors.length, 'the listing should be rejected').toBeGreaterThan(0);
        const match = plan.errors.find((e) => e.field === field && e.message.includes(reason));
        expect(match, `an error on ${field} saying "${reason}" in ${JSON.stringify(plan.errors)}`).toBeDefined();
        expect(match?.where).toContain(c.file.split('/').pop());
        if (line) expect(match?.where).toContain(`:${line}`);
        return;
      }
      expect(plan.errors).toEqual([]);
      const entries = plan.writes.filter((w) => w.path.endsWith('.mdx')).map((w) => parseEntry(String(w.content), w.path));
      expect(entries.map((e) => ({ title: texToText(e.data['title'] as string), abstract: texToText(fromMdxBody(e.body)) }))).toEqual(
        c.expect.papers,
      );
    });
  }
});
