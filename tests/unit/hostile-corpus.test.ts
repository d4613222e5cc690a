import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../scripts/ingest/entry.ts';
import { planIngest } from '../../scripts/ingest/plan.ts';
import { texToText } from '../../src/lib/math.ts';
import { fromMdxBody } from '../../src/lib/mdx.ts';
import { CASES, CORPUS_DIR } from '../fixtures/hostile/corpus.ts';
import { ROOT, scratchDir } from './helpers.ts';

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

  it('says, for every entry the build refuses and every listing the ingest refuses, which fix its message gives', () => {
    const refused = CASES.filter((c) => c.expect.outcome === 'reject');
    expect(refused.filter((c) => c.expect.outcome === 'reject' && !c.expect.fix).map((c) => c.file)).toEqual([]);
  });
});

describe('hostile listings through the ingest', () => {
  for (const c of CASES.filter((x) => x.kind === 'listing')) {
    it(`${c.file}: ${c.about}`, () => {
      const plan = planIngest({ sourcePath: join(CORPUS_DIR, c.file), contentDir: scratch() });
      if (c.expect.outcome === 'reject') {
        const { field, reason, fix, line } = c.expect;
        const problems = [...plan.errors, ...plan.refused];
        expect(
          plan.writes.filter((w) => w.path.endsWith('.mdx')),
          'no paper of the listing is written',
        ).toEqual([]);
        const match = problems.find((e) => e.field === field && e.message.includes(reason));
        expect(match, `a problem with ${field} saying "${reason}" in ${JSON.stringify(problems)}`).toBeDefined();
        expect(match?.where).toContain(c.file.split('/').pop());
        if (fix) expect(match?.message).toContain(fix);
        if (line) expect(match?.where).toMatch(new RegExp(`[: ]${line}\\b`, 'u'));
        return;
      }
      expect(plan.errors).toEqual([]);
      expect(
        plan.refused.map((r) => ({ field: r.field, reason: r.message })),
        'the papers refused',
      ).toEqual((c.expect.refused ?? []).map((r) => ({ field: r.field, reason: expect.stringContaining(r.reason) })));
      const entries = plan.writes.filter((w) => w.path.endsWith('.mdx')).map((w) => parseEntry(String(w.content), w.path));
      expect(entries.map((e) => ({ title: texToText(e.data['title'] as string), abstract: texToText(fromMdxBody(e.body)) }))).toEqual(
        c.expect.papers.map(({ title, abstract }) => ({ title, abstract })),
      );
      for (const [i, paper] of c.expect.papers.entries()) {
        if (!paper.links) continue;
        const links = (entries[i]?.data['links'] ?? []) as { url: string }[];
        expect(links.map((l) => l.url)).toEqual(paper.links);
      }
    });
  }
});

describe('hostile listings refused by the ingest command', () => {
  for (const c of CASES) {
    if (c.kind !== 'listing' || c.expect.outcome !== 'reject') continue;
    const { field, reason, fix } = c.expect;
    it(`${c.file}: stderr names the file, ${field} and the reason, with no stack trace`, () => {
      const out = scratch();
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts/ingest.ts'), join(CORPUS_DIR, c.file), '--out', out], {
        encoding: 'utf8',
        cwd: ROOT,
      });
      expect(result.status, result.stderr).not.toBe(0);
      const line = result.stderr.split('\n').find((l) => l.includes(`${field}: `) && l.includes(reason));
      expect(line, `a line of stderr naming ${field} and saying "${reason}" in:\n${result.stderr}`).toBeDefined();
      expect(line).toContain(c.file.split('/').pop());
      if (fix) expect(line).toContain(fix);
      expect(result.stderr + result.stdout, 'prints no stack trace').not.toMatch(/^\s+at .*:\d+:\d+\)?$/mu);
    });
  }
});
