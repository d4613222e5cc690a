import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry, serializeEntry, type EntryData } from '../../scripts/ingest/entry.ts';
import { applyPlan, planIngest } from '../../scripts/ingest/run.ts';
import { ROOT, SEED, scratchContent, scratchDir } from './helpers.ts';

const HEADER = 'new\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nAug 6\n\n';
const CLI = join(ROOT, 'scripts/ingest.ts');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A listing file dated `date` holding `body` (title and abstract paragraphs). */
function listing(body: string, date = 'Aug 6'): string {
  const dir = scratchDir('listing-');
  const path = join(dir, 'listing.txt');
  writeFileSync(path, HEADER.replace('Aug 6', date) + body);
  return path;
}

/** An abstract long enough to be one, about `what`. */
const videoAbstract = (what: string): string =>
  `We study ${what} video generation at scale, with many experiments on many datasets and models.`;

/** Corrects an entry's title by hand, as an editor would. */
function retitle(file: string, title: string): void {
  const entry = parseEntry(readFileSync(file, 'utf8'), file);
  writeFileSync(file, serializeEntry({ data: { ...(entry.data as unknown as EntryData), title }, body: entry.body }));
}

/** Every file under a directory, as path → bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const sub of ['papers', 'sources', 'topics']) {
    const names = existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)) : [];
    for (const name of names) files.set(`${sub}/${name}`, readFileSync(join(dir, sub, name), 'latin1'));
  }
  return files;
}

describe('the committed content', () => {
  it('is exactly what the ingest leaves after running again on the kept listing', () => {
    const dir = scratchContent(true);
    const before = snapshot(dir);
    const plan = planIngest({ listingPath: join(dir, 'sources/daily-papers-aug-5.txt'), contentDir: dir });
    expect(plan.errors).toEqual([]);
    expect(plan.writes).toEqual([]);
    expect(plan.report.every((line) => line.includes('unchanged'))).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('the committed papers', () => {
  it('are what a fresh ingest of the kept listing writes, apart from hand-edited topics', () => {
    const fresh = scratchContent();
    applyPlan(planIngest({ listingPath: SEED, contentDir: fresh }));
    const committed = join(ROOT, 'content/papers');
    const names = readdirSync(committed).sort();
    expect(readdirSync(join(fresh, 'papers')).sort()).toEqual(names);
    for (const name of names) {
      const ours = parseEntry(readFileSync(join(committed, name), 'utf8'), name);
      const theirs = parseEntry(readFileSync(join(fresh, 'papers', name), 'utf8'), name);
      expect({ ...ours.data, topics: [] }, name).toEqual({ ...theirs.data, topics: [] });
      expect(ours.body, name).toBe(theirs.body);
    }
  });
});

describe('planIngest', () => {
  it('ingests the seed into 87 valid entries, byte-identical on a second run, with no damage warnings', () => {
    const first = scratchContent();
    const second = scratchContent();
    for (const dir of [first, second]) {
      const plan = planIngest({ listingPath: SEED, contentDir: dir });
      expect(plan.errors).toEqual([]);
      expect(plan.warnings).toEqual([]);
      applyPlan(plan);
    }
    const files = snapshot(first);
    expect([...files.keys()].filter((k) => k.startsWith('papers/'))).toHaveLength(87);
    expect(snapshot(second)).toEqual(files);
    const again = planIngest({ listingPath: SEED, contentDir: first });
    expect(again.writes).toEqual([]);
  });

  it('keeps hand-edited topics and adds a new listing to sources without duplicating the paper', () => {
    const dir = scratchContent();
    const abstract = 'We study diffusion models and their scaling laws at length, with many experiments.';
    applyPlan(planIngest({ listingPath: listing(`A Diffusion Paper\n\n${abstract}\n`), contentDir: dir }));
    const file = join(dir, 'papers/a-diffusion-paper.mdx');
    const entry = parseEntry(readFileSync(file, 'utf8'), file);
    const edited = { ...(entry.data as unknown as EntryData), topics: ['video'] };
    writeFileSync(file, serializeEntry({ data: edited, body: entry.body }));

    const other = listing(
      `Another Paper on Video\n\nA video paper abstract that is long enough to be an abstract.\n\nA Diffusion Paper\n\n${abstract}\n`,
      'Aug 7',
    );
    const plan = planIngest({ listingPath: other, contentDir: dir });
    expect(plan.errors).toEqual([]);
    applyPlan(plan);
    const merged = parseEntry(readFileSync(file, 'utf8'), file).data as unknown as EntryData;
    expect(merged.topics).toEqual(['video']);
    expect(merged.sources).toEqual([
      { listing: 'daily-papers-aug-6', name: 'Daily Papers', date: 'Aug 6', position: 1 },
      { listing: 'daily-papers-aug-7', name: 'Daily Papers', date: 'Aug 7', position: 2 },
    ]);
    expect(readdirSync(join(dir, 'papers')).sort()).toEqual(['a-diffusion-paper.mdx', 'another-paper-on-video.mdx']);
  });

  it('recognises a paper whose title was corrected by hand, in the same listing and in a new one', () => {
    const dir = scratchContent();
    const first = listing(`Video Scaling Law For Model\n\n${videoAbstract('scaled')}\n`);
    applyPlan(planIngest({ listingPath: first, contentDir: dir }));
    const file = join(dir, 'papers/video-scaling-law-for-model.mdx');
    retitle(file, 'Video Scaling Laws for Models');

    const again = planIngest({ listingPath: first, contentDir: dir });
    expect(again.errors).toEqual([]);
    expect(again.writes).toEqual([]);

    const plan = planIngest({
      listingPath: listing(`Video Scaling Law For Model\n\n${videoAbstract('scaled')}\n`, 'Aug 9'),
      contentDir: dir,
    });
    expect(plan.errors).toEqual([]);
    applyPlan(plan);
    expect(readdirSync(join(dir, 'papers'))).toEqual(['video-scaling-law-for-model.mdx']);
    const merged = parseEntry(readFileSync(file, 'utf8'), file).data as unknown as EntryData;
    expect(merged.title).toBe('Video Scaling Laws for Models');
    expect(merged.sources.map((s) => s.date)).toEqual(['Aug 6', 'Aug 9']);
  });

  it('never takes a place in a listing for the paper there unless that listing is the one kept', () => {
    const dir = scratchContent();
    applyPlan(planIngest({ listingPath: listing(`Old Video Paper\n\n${videoAbstract('old')}\n`), contentDir: dir }));
    // The kept listings are gone (not committed, say); another listing has the same name and date.
    rmSync(join(dir, 'sources'), { recursive: true });
    const plan = planIngest({ listingPath: listing(`New Video Paper\n\n${videoAbstract('new')}\n`), contentDir: dir });
    expect(plan.errors).toEqual([]);
    expect(plan.report.join('\n')).toMatch(/new {8}new-video-paper/u);
  });

  it('reads a printed title from a kept listing only where it made the entry', () => {
    const dir = scratchContent();
    const first = listing(`Alpha Video Paper\n\n${videoAbstract('alpha')}\n\nBeta Video Paper\n\n${videoAbstract('beta')}\n`);
    applyPlan(planIngest({ listingPath: first, contentDir: dir }));
    retitle(join(dir, 'papers/beta-video-paper.mdx'), 'Beta Video Paper, Revised');
    // The kept listing is edited: its first paper removed, so Beta moves to position 1.
    const kept = join(dir, 'sources/daily-papers-aug-6.txt');
    writeFileSync(kept, readFileSync(kept, 'utf8').replace(`Alpha Video Paper\n\n${videoAbstract('alpha')}\n\n`, ''));
    const plan = planIngest({ listingPath: listing(`Beta Video Paper\n\n${videoAbstract('beta')}\n`, 'Aug 9'), contentDir: dir });
    expect(plan.writes.some((w) => w.path.endsWith('alpha-video-paper.mdx'))).toBe(false);
  });

  it('warns about an abstract too short to be one, or a listing cut off mid-sentence, and keeps the papers', () => {
    const long = 'We train video models on many clips and measure how quality grows with data, compute and the length of';
    const plan = planIngest({
      listingPath: listing(`Video\n\nSee all\n\nA Video Paper\n\n${long} the clips\n`),
      contentDir: scratchContent(),
    });
    expect(plan.errors).toEqual([]);
    expect(plan.warnings.map((w) => [w.field, w.message])).toEqual([
      ['abstract', expect.stringMatching(/^the abstract \(line 13\) is only 2 words long: is it page chrome or a cut-off listing\?/u)],
      [
        'abstract',
        expect.stringMatching(
          /^the listing's last abstract \(line 17\) stops mid-sentence \("….*the length of the clips"\): is the file cut off\?/u,
        ),
      ],
    ]);
    expect(plan.writes.filter((w) => w.path.endsWith('.mdx'))).toHaveLength(2);
  });

  it('stores the listing under content/sources and never overwrites a different listing with the same date', () => {
    const dir = scratchContent();
    applyPlan(planIngest({ listingPath: listing('Video One\n\nA video paper abstract that is long enough to count.\n'), contentDir: dir }));
    applyPlan(planIngest({ listingPath: listing('Video Two\n\nAnother video paper abstract that is long enough.\n'), contentDir: dir }));
    expect(readdirSync(join(dir, 'sources')).sort()).toEqual(['daily-papers-aug-6-2.txt', 'daily-papers-aug-6.txt']);
  });

  it('reports a slug collision naming both papers, and writes nothing at all', () => {
    const dir = scratchContent();
    const plan = planIngest({
      listingPath: listing(
        'Video: Part I\n\nA video paper abstract that is long enough.\n\nVideo Part I\n\nAnother video paper abstract, also long enough.\n',
      ),
      contentDir: dir,
    });
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]?.message).toMatch(
      /"Video Part I" has the same id "video-part-i" as paper #1 \(line 11\) "Video: Part I"; the titles differ but make the same id/u,
    );
    expect(plan.writes.some((w) => w.path.endsWith('.mdx'))).toBe(true);
    expect(
      run([
        listing(
          'Video: Part I\n\nA video paper abstract that is long enough.\n\nVideo Part I\n\nAnother video paper abstract, also long enough.\n',
        ),
        '--out',
        dir,
      ]).status,
    ).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['topics']);
  });

  it('rejects a title that collides with a different existing paper, naming its file', () => {
    const dir = scratchContent();
    applyPlan(planIngest({ listingPath: listing('Video: Part I\n\nA video paper abstract that is long enough.\n'), contentDir: dir }));
    const plan = planIngest({ listingPath: listing('Video Part I\n\nA different video paper abstract, long enough.\n'), contentDir: dir });
    expect(plan.errors[0]?.field).toBe('id');
    expect(plan.errors[0]?.message).toMatch(/papers\/video-part-i\.mdx already uses for "Video: Part I"/u);
  });

  it('refuses a paper no topic rule matches, saying how to fix it', () => {
    const plan = planIngest({
      listingPath: listing('Cooking Pasta\n\nWe boil water and add salt, then the pasta, for ten minutes.\n'),
      contentDir: scratchContent(),
    });
    expect(plan.errors).toEqual([
      expect.objectContaining({
        field: 'topics',
        message: expect.stringMatching(/no topic rule matches "Cooking Pasta"; add one of its key phrases/u),
      }),
    ]);
  });
});

describe('the ingest CLI', () => {
  it('--dry-run prints the plan and writes nothing', () => {
    const dir = scratchContent();
    const result = run([SEED, '--out', dir, '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/new {8}chain-of-model-learning-for-language-model {2}topics: progressive-training/u);
    expect(result.stdout).toMatch(/dry run: 87 new, 0 updated, 0 unchanged \(listing daily-papers-aug-5\); nothing written/u);
    expect(readdirSync(dir)).toEqual(['topics']);
  });

  it('writes entries, then reports them unchanged on a second run', () => {
    const dir = scratchContent();
    expect(run([SEED, '--out', dir]).stdout).toMatch(/87 new, 0 updated, 0 unchanged/u);
    expect(run([SEED, '--out', dir]).stdout).toMatch(/0 new, 0 updated, 87 unchanged/u);
  });

  it('explains bad input without a stack trace, naming the file and line', () => {
    const dir = scratchContent();
    const bad = listing('A Lonely Title\n');
    const result = run([bad, '--out', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: .*listing\.txt:11: listing: the title "A Lonely Title" has no abstract/u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it('names each problem of a broken topic file once, with its fix', () => {
    const dir = scratchContent();
    writeFileSync(join(dir, 'topics', 'broken.yaml'), 'name: Broken\nmatches: [broken]\n');
    const result = run([SEED, '--out', dir, '--dry-run']);
    expect(result.status).toBe(1);
    const problems = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(problems.map((line) => line.replace(/^error: .*topics\/broken\.yaml: /u, ''))).toEqual([
      'summary: summary is missing; add a line "summary: …"',
      'description: description is missing; add a line "description: …"',
      'match: match is missing; list the words and phrases that put a paper in this topic',
      'matches: unknown field "matches"; a topic has only name, summary, description, aliases, match, exclude (check the spelling)',
    ]);
    expect(readdirSync(dir)).toEqual(['topics']);
  });

  it('explains wrong usage', () => {
    expect(run([]).status).toBe(2);
    expect(run(['missing.txt']).stderr).toMatch(/no such file: missing\.txt/u);
    const directory = run(['content']);
    expect(directory.status).toBe(2);
    expect(directory.stderr).toMatch(/^content is a directory, not a listing file/u);
    expect(execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' })).toMatch(/usage: npm run ingest/u);
  });
});
