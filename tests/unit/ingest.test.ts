import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitWrites } from '../../scripts/ingest/commit.ts';
import { parseEntry, serializeEntry, type EntryData } from '../../scripts/ingest/entry.ts';
import { planIngest, type Plan } from '../../scripts/ingest/plan.ts';
import { fromMdxBody } from '../../src/lib/mdx.ts';
import { HF_DAYS, hfApiFile, ROOT, SEED, scratchContent, scratchDir } from './helpers.ts';

const HEADER =
  'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nAug 6\n\n';
const CLI = join(ROOT, 'scripts/ingest.ts');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copied daily page dated `date` holding `body` (title and abstract paragraphs). */
function page(body: string, date = 'Aug 6'): string {
  const path = join(scratchDir('page-'), 'page.txt');
  writeFileSync(path, HEADER.replace('Aug 6', date) + body);
  return path;
}

/** A Daily Papers API response of the given items, saved under a name that gives its day. */
function response(items: unknown[], day = '2025-06-02'): string {
  const path = join(scratchDir('api-'), `daily_papers-${day}.json`);
  writeFileSync(path, JSON.stringify(items));
  return path;
}

const apiItem = (id: string, title: string, summary: string, extra: Record<string, unknown> = {}) => ({
  paper: {
    id,
    title,
    summary,
    authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }],
    publishedAt: '2025-05-30T10:00:00.000Z',
    ...extra,
  },
  title,
});

/** An abstract long enough to be one, about `what`. */
const videoAbstract = (what: string): string =>
  `We study ${what} video generation at scale, with many experiments on many datasets and models, and we release the code and the data.`;

const ingest = (sourcePath: string, contentDir: string, more: { date?: string } = {}): Plan => {
  const plan = planIngest({ sourcePath, contentDir, ...more });
  commitWrites(contentDir, plan.writes);
  return plan;
};

const read = (file: string): EntryData => parseEntry(readFileSync(file, 'utf8'), file).data as unknown as EntryData;

/** Corrects an entry's field by hand, as an editor would. */
function edit(file: string, change: Partial<EntryData>): void {
  const entry = parseEntry(readFileSync(file, 'utf8'), file);
  writeFileSync(file, serializeEntry({ data: { ...(entry.data as unknown as EntryData), ...change }, body: entry.body }));
}

/** Every file under a content root, as path → bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${name.name}` : name.name;
      if (name.isDirectory()) walk(rel);
      else files.set(rel, readFileSync(join(dir, rel), 'latin1'));
    }
  };
  walk('');
  return files;
}

/** The kept sources in the order the catalogue was built: the seed, then the API days. */
const KEPT = [SEED, ...HF_DAYS.map(hfApiFile)];

describe('the committed content', () => {
  it('is exactly what the ingest leaves after running again on every kept source', () => {
    const dir = scratchContent(true);
    const before = snapshot(dir);
    for (const source of KEPT.map((f) => join(dir, 'sources', f.split('/').pop() ?? ''))) {
      const plan = planIngest({ sourcePath: source, contentDir: dir });
      expect(plan.errors, source).toEqual([]);
      expect(plan.refused, source).toEqual([]);
      expect(plan.writes, source).toEqual([]);
      expect(plan.outcomes.every((o) => o.kind === 'unchanged')).toBe(true);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('is what a fresh ingest of the kept sources writes, apart from hand-edited topics', () => {
    const fresh = scratchContent();
    for (const source of KEPT) ingest(source, fresh);
    const committed = join(ROOT, 'content/papers');
    const names = readdirSync(committed).sort();
    expect(readdirSync(join(fresh, 'papers')).sort()).toEqual(names);
    expect(names).toHaveLength(87 + 143);
    for (const name of names) {
      const ours = parseEntry(readFileSync(join(committed, name), 'utf8'), name);
      const theirs = parseEntry(readFileSync(join(fresh, 'papers', name), 'utf8'), name);
      expect({ ...ours.data, topics: [] }, name).toEqual({ ...theirs.data, topics: [] });
      expect(ours.body, name).toBe(theirs.body);
    }
  });
});

describe('ingesting a copied page', () => {
  it('ingests the seed into 87 valid entries, byte-identical on a second run, with no damage warnings', () => {
    const first = scratchContent();
    const second = scratchContent();
    for (const dir of [first, second]) {
      const plan = ingest(SEED, dir);
      expect(plan.errors).toEqual([]);
      expect(plan.warnings).toEqual([]);
      expect(plan.counts).toEqual({ new: 87, updated: 0, unchanged: 0, refused: 0, untagged: plan.untagged.length });
    }
    expect(snapshot(second)).toEqual(snapshot(first));
    expect(planIngest({ sourcePath: SEED, contentDir: first }).writes).toEqual([]);
  });

  it('keeps hand-edited topics and adds a new listing to sources without duplicating the paper', () => {
    const dir = scratchContent();
    const abstract = 'We study diffusion models and their scaling laws at length, with many experiments.';
    ingest(page(`A Diffusion Paper\n\n${abstract}\n`), dir);
    const file = join(dir, 'papers/a-diffusion-paper.mdx');
    edit(file, { topics: ['video'] });
    const plan = ingest(page(`Another Paper on Video\n\n${videoAbstract('another')}\n\nA Diffusion Paper\n\n${abstract}\n`, 'Aug 7'), dir);
    expect(plan.errors).toEqual([]);
    const merged = read(file);
    expect(merged.topics).toEqual(['video']);
    expect(merged.sources).toEqual([
      { listing: 'daily-papers-aug-6', format: 'hf-page', name: 'Daily Papers', date: 'Aug 6', position: 1 },
      { listing: 'daily-papers-aug-7', format: 'hf-page', name: 'Daily Papers', date: 'Aug 7', position: 2 },
    ]);
    expect(readdirSync(join(dir, 'papers')).sort()).toEqual(['a-diffusion-paper.mdx', 'another-paper-on-video.mdx']);
  });

  it('recognises a paper whose title was corrected by hand, in the same listing and in a new one', () => {
    const dir = scratchContent();
    const first = page(`Video Scaling Law For Model\n\n${videoAbstract('scaled')}\n`);
    ingest(first, dir);
    const file = join(dir, 'papers/video-scaling-law-for-model.mdx');
    edit(file, { title: 'Video Scaling Laws for Models' });
    expect(planIngest({ sourcePath: first, contentDir: dir }).writes).toEqual([]);
    const plan = ingest(page(`Video Scaling Law For Model\n\n${videoAbstract('scaled')}\n`, 'Aug 9'), dir);
    expect(plan.errors).toEqual([]);
    expect(readdirSync(join(dir, 'papers'))).toEqual(['video-scaling-law-for-model.mdx']);
    expect(read(file).title).toBe('Video Scaling Laws for Models');
    expect(read(file).sources.map((s) => s.date)).toEqual(['Aug 6', 'Aug 9']);
  });

  it('never takes a place in a listing for the paper there unless that listing is the one kept', () => {
    const dir = scratchContent();
    ingest(page(`Old Video Paper\n\n${videoAbstract('old')}\n`), dir);
    rmSync(join(dir, 'sources'), { recursive: true });
    const plan = planIngest({ sourcePath: page(`New Video Paper\n\n${videoAbstract('new')}\n`), contentDir: dir });
    expect(plan.outcomes).toEqual([expect.objectContaining({ kind: 'new', id: 'new-video-paper' })]);
  });

  it('reads a printed title from a kept listing only where it made the entry', () => {
    const dir = scratchContent();
    ingest(page(`Alpha Video Paper\n\n${videoAbstract('alpha')}\n\nBeta Video Paper\n\n${videoAbstract('beta')}\n`), dir);
    edit(join(dir, 'papers/beta-video-paper.mdx'), { title: 'Beta Video Paper, Revised' });
    const kept = join(dir, 'sources/daily-papers-aug-6.txt');
    writeFileSync(kept, readFileSync(kept, 'utf8').replace(`Alpha Video Paper\n\n${videoAbstract('alpha')}\n\n`, ''));
    const plan = planIngest({ sourcePath: page(`Beta Video Paper\n\n${videoAbstract('beta')}\n`, 'Aug 9'), contentDir: dir });
    expect(plan.writes.some((w) => w.path.endsWith('alpha-video-paper.mdx'))).toBe(false);
  });

  it('warns about an abstract too short to be one, or a listing cut off mid-sentence, and keeps the papers', () => {
    const long = 'We train video models on many clips and measure how quality grows with data, compute and the length of';
    const plan = planIngest({ sourcePath: page(`Video\n\nSee all\n\nA Video Paper\n\n${long} the clips\n`), contentDir: scratchContent() });
    expect(plan.errors).toEqual([]);
    expect(plan.warnings.map((w) => [w.field, w.message])).toEqual([
      ['abstract', expect.stringMatching(/^the abstract \(line 15\) is only 2 words long: is it page chrome or a cut-off listing\?/u)],
      [
        'abstract',
        expect.stringMatching(/^the last abstract \(line 19\) stops mid-sentence \("….*the length of the clips"\): is the file cut off\?/u),
      ],
    ]);
    expect(plan.counts.new).toBe(2);
  });

  it('keeps the page under content/sources and never overwrites a different page with the same date', () => {
    const dir = scratchContent();
    ingest(page(`Video One\n\n${videoAbstract('one')}\n`), dir);
    ingest(page(`Video Two\n\n${videoAbstract('two')}\n`), dir);
    expect(readdirSync(join(dir, 'sources')).sort()).toEqual(['daily-papers-aug-6-2.txt', 'daily-papers-aug-6.txt']);
  });

  it('ingests a search results page with no date label, under the date given', () => {
    const dir = scratchContent();
    const path = join(scratchDir('search-'), 'search.txt');
    writeFileSync(
      path,
      `Hugging Face\n\nPapers\n\nGet trending papers in your email inbox once a day!\n\nSubscribe\n\nVideo Diffusion at Scale\n\n${videoAbstract('diffusion')}\n\nSubmitted by someone\n\n· 12 upvotes\n`,
    );
    const undated = planIngest({ sourcePath: path, contentDir: dir });
    expect(undated.errors).toEqual([]);
    expect(undated.listing).toEqual({
      id: expect.stringMatching(/^hugging-face-papers-[0-9a-f]{8}$/u),
      format: 'hf-page',
      name: 'Hugging Face papers',
    });
    const dated = ingest(path, dir, { date: '2025-06-01' });
    expect(dated.listing).toEqual({
      id: 'hugging-face-papers-2025-06-01',
      format: 'hf-page',
      name: 'Hugging Face papers',
      date: '2025-06-01',
    });
    expect(read(join(dir, 'papers/video-diffusion-at-scale.mdx')).sources).toEqual([
      { listing: 'hugging-face-papers-2025-06-01', format: 'hf-page', name: 'Hugging Face papers', date: '2025-06-01', position: 1 },
    ]);
  });
});

describe('one paper never blocks the others', () => {
  it('writes a paper no topic rule matches, without topics, and lists it', () => {
    const dir = scratchContent();
    const plan = ingest(
      page('Cooking Pasta\n\nWe boil water and add salt, then the pasta, for ten minutes, and we taste it often.\n'),
      dir,
    );
    expect(plan.refused).toEqual([]);
    expect(plan.untagged).toEqual([{ id: 'cooking-pasta', title: 'Cooking Pasta' }]);
    expect(read(join(dir, 'papers/cooking-pasta.mdx')).topics).toEqual([]);
  });

  it('refuses the bad paper, writes the good ones, and names the refused one with its line and field', () => {
    const dir = scratchContent();
    const plan = ingest(
      page(
        `Good Video Paper\n\n${videoAbstract('good')}\n\nBell \u0007 Paper\n\n${videoAbstract('bad')}\n\nAnother Good Video\n\n${videoAbstract('fine')}\n`,
      ),
      dir,
    );
    expect(plan.counts).toMatchObject({ new: 2, refused: 1 });
    expect(plan.refused).toEqual([
      expect.objectContaining({
        where: expect.stringMatching(/page\.txt line 17 \(paper #2\)$/u),
        field: 'title',
        message: expect.stringMatching(/control character U\+0007/u),
      }),
    ]);
    expect(readdirSync(join(dir, 'papers')).sort()).toEqual(['another-good-video.mdx', 'good-video-paper.mdx']);
  });

  it('gives a second paper whose title makes the same id the next free id, and says so', () => {
    const dir = scratchContent();
    const plan = ingest(page(`Video: Part I\n\n${videoAbstract('first')}\n\nVideo Part I\n\n${videoAbstract('second')}\n`), dir);
    expect(plan.refused).toEqual([]);
    expect(readdirSync(join(dir, 'papers')).sort()).toEqual(['video-part-i-2.mdx', 'video-part-i.mdx']);
    expect(plan.warnings.find((w) => w.field === 'id')?.message).toMatch(
      /makes the id "video-part-i", which .* already has, so this paper is "video-part-i-2"/u,
    );
    // And the same against a paper already in the catalogue.
    const next = ingest(page(`Video -- Part I\n\n${videoAbstract('third')}\n`, 'Aug 8'), dir);
    expect(next.outcomes).toEqual([expect.objectContaining({ kind: 'new', id: 'video-part-i-3' })]);
  });

  it('refuses a paper the source holds twice, keeping the first', () => {
    const plan = planIngest({
      sourcePath: page(`Video Twins\n\n${videoAbstract('one')}\n\nVIDEO  twins\n\n${videoAbstract('two')}\n`),
      contentDir: scratchContent(),
    });
    expect(plan.counts).toMatchObject({ new: 1, refused: 1 });
    expect(plan.refused[0]?.message).toMatch(
      /the source holds this paper twice: it is also .*line 13 \(paper #1\) \("Video Twins"\); the first is kept/u,
    );
  });

  it('removes characters that draw nothing, says so, and takes a title that differs only by them for the same paper', () => {
    const dir = scratchContent();
    const plan = ingest(page(`Zero\u200Bwidth Video\n\n${videoAbstract('hidden\u2062')}\n`), dir);
    expect(plan.refused).toEqual([]);
    expect(plan.warnings.map((w) => `${w.field}: ${w.message}`)).toEqual([
      expect.stringMatching(/^title: removed 1 character that draws nothing \(U\+200B, first at character 5\)/u),
      expect.stringMatching(/^abstract: removed 1 character that draws nothing \(U\+2062/u),
    ]);
    expect(read(join(dir, 'papers/zerowidth-video.mdx')).title).toBe('Zerowidth Video');
    const twin = planIngest({ sourcePath: page(`Zero\u200Dwidth Video\n\n${videoAbstract('hidden')}\n`, 'Aug 9'), contentDir: dir });
    expect(twin.outcomes).toEqual([expect.objectContaining({ kind: 'updated', id: 'zerowidth-video' })]);
  });
});

describe('ingesting API responses', () => {
  const abstract =
    'We scale video diffusion models to long clips and report their quality at every length, with the code and the data for reproduction.';

  it('fills in what a paper lacks from a richer source, never overwriting, and reports disagreements', () => {
    const dir = scratchContent();
    ingest(page(`Long Video Diffusion\n\n${abstract}\n`), dir);
    const file = join(dir, 'papers/long-video-diffusion.mdx');
    edit(file, { topics: ['video'], published: '2025-05-29' });
    const plan = ingest(
      response([
        apiItem('2505.11111', 'Long Video Diffusion', abstract, {
          githubRepo: 'https://github.com/a/long-video',
          submittedOnDailyAt: '2025-06-02T08:00:00.000Z',
        }),
      ]),
      dir,
    );
    expect(plan.outcomes).toEqual([
      expect.objectContaining({
        kind: 'updated',
        id: 'long-video-diffusion',
        changes: ['source hf-daily-2025-06-02', 'arxiv added', 'authors added', 'submitted added', 'link added (code)'],
      }),
    ]);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/has published "2025-05-29" but hf-daily-2025-06-02 says "2025-05-30"; the entry is kept/u),
    ]);
    const entry = read(file);
    expect(entry).toMatchObject({
      arxiv: '2505.11111',
      authors: ['Ada Lovelace', 'Alan Turing'],
      published: '2025-05-29',
      submitted: '2025-06-02',
      topics: ['video'],
    });
    expect(entry.links).toEqual([{ kind: 'code', url: 'https://github.com/a/long-video' }]);
    expect(entry.sources.map((s) => s.listing)).toEqual(['daily-papers-aug-6', 'hf-daily-2025-06-02']);
  });

  it('recognises a paper by its arXiv id even when its title changed, and keeps the entry title', () => {
    const dir = scratchContent();
    ingest(response([apiItem('2505.22222', 'Video Worlds', abstract)], '2025-06-02'), dir);
    const plan = ingest(response([apiItem('2505.22222', 'Video Worlds: Revised Title', abstract)], '2025-06-03'), dir);
    expect(plan.outcomes).toEqual([expect.objectContaining({ kind: 'updated', id: 'video-worlds' })]);
    expect(plan.warnings.map((w) => w.field)).toEqual(['title']);
    expect(readdirSync(join(dir, 'papers'))).toEqual(['video-worlds.mdx']);
  });

  it('keeps one response per day: a newer one replaces it and adds its new papers, and changes nothing else', () => {
    const dir = scratchContent();
    const morning = [apiItem('2505.33333', 'Morning Video Paper', abstract)];
    ingest(response(morning), dir);
    const before = readFileSync(join(dir, 'papers/morning-video-paper.mdx'), 'utf8');
    const plan = ingest(response([...morning, apiItem('2505.44444', 'Evening Video Paper', abstract)]), dir);
    expect(plan.outcomes.map((o) => `${o.kind} ${'id' in o ? o.id : ''}`)).toEqual([
      'unchanged morning-video-paper',
      'new evening-video-paper',
    ]);
    expect(readdirSync(join(dir, 'sources'))).toEqual(['hf-daily-2025-06-02.json']);
    expect(JSON.parse(readFileSync(join(dir, 'sources/hf-daily-2025-06-02.json'), 'utf8'))).toHaveLength(2);
    expect(readFileSync(join(dir, 'papers/morning-video-paper.mdx'), 'utf8')).toBe(before);
  });

  it('unwraps the hard-wrapped summaries and titles of a real response, repairs TeX, and keeps every field', () => {
    const dir = scratchContent();
    const plan = ingest(hfApiFile('2025-05-30'), dir);
    expect(plan.counts).toMatchObject({ new: 42, refused: 0 });
    const file = join(dir, 'papers/the-climb-carves-wisdom-deeper-than-the-summit-on-the-noisy-rewards-in-learning.mdx');
    const entry = read(file);
    expect(entry.title).toBe('The Climb Carves Wisdom Deeper Than the Summit: On the Noisy Rewards in Learning to Reason');
    const body = fromMdxBody(parseEntry(readFileSync(file, 'utf8'), file).body);
    expect(body).toContain('Recent studies on post-training large language models (LLMs) for reasoning through reinforcement learning');
    expect(body).toContain('such as “first, I need to”-without verifying');
    expect(body).not.toMatch(/\n/u);
    const uni = fromMdxBody(
      parseEntry(
        readFileSync(join(dir, 'papers/uni-instruct-one-step-diffusion-model-through-unified-diffusion-divergence.mdx'), 'utf8'),
        'x',
      ).body,
    );
    expect(uni).toContain('which we name the Uni-Instruct.');
    expect(uni).toContain('values of 1.46 for unconditional generation');
    expect(uni).toContain('ImageNet-64×64 generation benchmark');
  });
});

describe('the ingest CLI', () => {
  it('--dry-run prints the plan and writes nothing', () => {
    const dir = scratchContent();
    const result = run([SEED, '--out', dir, '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/new {8}chain-of-model-learning-for-language-model {2}topics: /u);
    expect(result.stdout).toMatch(/dry run: 87 new, 0 updated, 0 unchanged, 0 refused \(source daily-papers-aug-5\); nothing written/u);
    expect(readdirSync(dir)).toEqual(['topics']);
  });

  it('writes entries, then reports them unchanged on a second run; takes several sources at once', () => {
    const dir = scratchContent();
    expect(run([SEED, '--out', dir]).stdout).toMatch(/87 new, 0 updated, 0 unchanged, 0 refused/u);
    const again = run([SEED, hfApiFile('2024-05-29'), '--out', dir]);
    expect(again.stdout).toMatch(/0 new, 0 updated, 87 unchanged, 0 refused \(source daily-papers-aug-5\)/u);
    expect(again.stdout).toMatch(/8 new, 0 updated, 0 unchanged, 0 refused \(source hf-daily-2024-05-29\)/u);
  });

  it('lists the papers that await a topic, and points to the suggestions', () => {
    const dir = scratchContent();
    const result = run([
      page('Cooking Pasta\n\nWe boil water and add salt, then the pasta, for ten minutes, and we taste it often.\n'),
      '--out',
      dir,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /1 new paper awaits a topic \(no rule matched\):\n {2}- cooking-pasta: Cooking Pasta\nRun `npm run topics -- suggest`/u,
    );
  });

  it('exits 1 when a paper is refused, writing the others; --strict writes nothing', () => {
    const body = `Good Video Paper\n\n${videoAbstract('good')}\n\nBell \u0007 Paper\n\n${videoAbstract('bad')}\n`;
    const dir = scratchContent();
    const result = run([page(body), '--out', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^refused: .*page\.txt line 17 \(paper #2\): title: the title contains the control character U\+0007/mu);
    expect(readdirSync(join(dir, 'papers'))).toEqual(['good-video-paper.mdx']);
    const strict = scratchContent();
    const refused = run([page(body), '--out', strict, '--strict']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/--strict: nothing was written for .*page\.txt, since 1 paper was refused/u);
    expect(readdirSync(strict)).toEqual(['topics']);
  });

  it('explains bad input without a stack trace, naming the file and line', () => {
    const dir = scratchContent();
    const result = run([page('A Lonely Title\n'), '--out', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: .*page\.txt:13: source: the title "A Lonely Title" has no abstract/u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it('reads a UTF-16 file, and says so', () => {
    const dir = scratchContent();
    const path = join(scratchDir('utf16-'), 'page.txt');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}Wide Video\n\n${videoAbstract('wide')}\n`, 'utf16le')]),
    );
    const result = run([path, '--out', dir]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: .*page\.txt: encoding: decoded as UTF-16 \(little-endian\), by its byte-order mark/u);
    expect(existsSync(join(dir, 'papers/wide-video.mdx'))).toBe(true);
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
      'matches: unknown field "matches"; a topic has only name, summary, description, aliases, match, title, weak, exclude (check the spelling)',
    ]);
    expect(readdirSync(dir)).toEqual(['topics']);
  });

  it('explains wrong usage and a folder that is not a content root', () => {
    expect(run([]).status).toBe(2);
    expect(run(['missing.txt']).stderr).toMatch(/no such file: missing\.txt/u);
    const directory = run(['content']);
    expect(directory.status).toBe(2);
    expect(directory.stderr).toMatch(/^content is a folder, not a source file/u);
    const nowhere = run([SEED, '--out', join(scratchDir('empty-'), 'content')]);
    expect(nowhere.status).toBe(3);
    expect(nowhere.stderr).toMatch(/is not a content root: it has no topics\/ folder/u);
    expect(run([SEED, '--format', 'rss']).stderr).toMatch(/--format must be one of hf-page, hf-api, arxiv/u);
    expect(execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' })).toMatch(/usage: npm run ingest/u);
  });
});
