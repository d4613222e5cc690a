import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadTopics } from '../../scripts/ingest/catalogue.ts';
import { assignTopics, scoreTopics, type TopicRule } from '../../scripts/ingest/topics.ts';
import { parseEntry } from '../../scripts/ingest/entry.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { commitWrites } from '../../scripts/ingest/commit.ts';
import { planIngest } from '../../scripts/ingest/plan.ts';
import { ROOT, scratchContent, scratchDir } from './helpers.ts';

const rule = (id: string, match: string[], more: Partial<TopicRule> = {}): TopicRule => ({ id, match, exclude: [], ...more });
const paper = (title: string, abstract: string, keywords: string[] = []) => ({ title, abstract, keywords });

describe('topic matching', () => {
  it('matches words and phrases by stem: case, plural, -ing, hyphens and British spelling aside', () => {
    const [score] = scoreTopics(paper('A title', 'We study Test-Time Computing and two diffusion models; quantisation too.'), [
      rule('x', ['test-time compute', 'diffusion model', 'quantization']),
    ]);
    expect(score?.hits).toEqual(['test-time compute', 'diffusion model', 'quantization']);
    expect(scoreTopics(paper('Title', 'the vitamin and premoe'), [rule('x', ['vit', 'moe'])])[0]?.score).toBe(0);
  });

  it('weighs a title hit three times an abstract or keyword hit', () => {
    const rules = [rule('a', ['quantization']), rule('b', ['pruning']), rule('c', ['retrieval'])];
    const scores = scoreTopics(
      paper('Quantization for transformers', 'pruning and pruning', ['dense retrieval', 'retrieval tasks']),
      rules,
    );
    expect(scores.map((s) => s.score)).toEqual([3, 2, 2]);
  });

  it('caps repeated phrases, so one word cannot dominate', () => {
    expect(scoreTopics(paper('T', 'video video video video video video'), [rule('v', ['video'])])[0]?.score).toBe(3);
  });

  it('lets an exclude phrase veto a topic', () => {
    expect(assignTopics(paper('T', 'data pruning and more data pruning'), [rule('p', ['pruning'], { exclude: ['data pruning'] })])).toEqual(
      [],
    );
  });

  it('counts weak phrases only beside a match phrase of the same topic', () => {
    const rl = rule('rl', ['reinforcement learning'], { weak: ['reward', 'policy'] });
    expect(assignTopics(paper('An attention architecture', 'Our policy for caching rewards speed; the reward is latency.'), [rl])).toEqual(
      [],
    );
    expect(assignTopics(paper('Rewards', 'We train with reinforcement learning and a learned reward.'), [rl])).toEqual(['rl']);
  });

  it('counts title phrases only in the title', () => {
    const bench = rule('bench', ['new benchmark'], { title: ['benchmark'] });
    expect(assignTopics(paper('A Benchmark for Charts', 'We evaluate models.'), [bench])).toEqual(['bench']);
    expect(assignTopics(paper('Charts', 'We evaluate on a benchmark and another benchmark and a third benchmark.'), [bench])).toEqual([]);
  });

  it('matches word endings with *, and words as written with =', () => {
    expect(assignTopics(paper('VideoReasonBench and MCP-AgentBench', 'Two.'), [rule('b', ['*bench'])])).toEqual(['b']);
    const optimizers = rule('o', ['=optimizer']);
    expect(assignTopics(paper('Optimizers for training', 'x'), [optimizers])).toEqual(['o']);
    expect(assignTopics(paper('Preference optimization of prompts', 'We optimize prompts by optimization.'), [optimizers])).toEqual([]);
  });

  it('assigns at most four topics, best first, ties in vocabulary order', () => {
    const rules = ['a', 'b', 'c', 'd', 'e'].map((id) => rule(id, [`word${id}`]));
    expect(assignTopics(paper('wordb worde', 'worda wordc wordd wordd wordc worda'), rules)).toEqual(['b', 'e', 'a', 'c']);
  });

  it('folds Greek letters, accents and TeX for matching', () => {
    expect(assignTopics(paper('Scaling via $\\mu$P, naïvely', 'x'), [rule('m', ['μP']), rule('n', ['naively'])])).toEqual(['m', 'n']);
  });
});

describe('the curated vocabulary', () => {
  const dir = join(ROOT, 'content/topics');
  const files = readdirSync(dir);
  const topicIds = files.map((f) => f.replace(/\.(?:yaml|mdx)$/u, ''));
  const rules = loadTopics(join(ROOT, 'content'), []);
  const tag = (title: string, abstract: string, keywords: string[] = []): string[] => assignTopics({ title, abstract, keywords }, rules);

  it('has 15 to 45 topics, each with a name and a one-paragraph description', () => {
    expect(topicIds.length).toBeGreaterThanOrEqual(15);
    expect(topicIds.length).toBeLessThanOrEqual(45);
    for (const id of topicIds) {
      const file = files.find((f) => f.startsWith(`${id}.`)) ?? '';
      const text = readFileSync(join(dir, file), 'utf8');
      const topic = (file.endsWith('.mdx') ? splitFrontmatter(text, file).data : parse(text)) as { name: string; description: string };
      expect(topic.description.length).toBeGreaterThan(80);
      expect(topic.description).not.toContain('\n');
    }
  });

  it('covers the main areas of the real corpus', () => {
    for (const id of [
      'language-models',
      'agents-and-tool-use',
      'benchmarks-and-datasets',
      'multimodal-models',
      'code-generation',
      'retrieval-augmented-generation',
      'reasoning',
      'safety-and-alignment',
      'interpretability',
      'robotics-and-embodied-ai',
      'speech-and-audio',
    ])
      expect(topicIds).toContain(id);
  });

  it('does not let one generic word decide a topic (the misfires of the old rules)', () => {
    // "world model" alone made planning and role-play papers Video.
    expect(
      tag(
        'Planning with Latent World Models',
        'We plan actions with a learned world model and model-predictive control; the world model predicts the next state of the robot.',
      ),
    ).not.toContain('video');
    expect(
      tag(
        'Role-Play Agents with World Models',
        'A world model of the conversation lets agents role-play; the world model tracks the plot.',
      ),
    ).not.toContain('video');
    // "policy" or "reward" alone made an attention architecture Reinforcement learning.
    expect(
      tag(
        'Sparse Attention with Learned Routing',
        'Our eviction policy keeps the tokens whose attention reward is highest; a second policy decides the block size, and the reward is throughput.',
      ),
    ).not.toContain('reinforcement-learning');
    // "precision" made a retrieval evaluation Quantization.
    expect(
      tag(
        'Evaluating Dense Retrievers',
        'We measure the precision and recall of dense retrievers; precision at 10 and mean precision drop on long queries, and precision improves with reranking.',
      ),
    ).not.toContain('quantization');
    // "autoregressive" made text-to-speech Autoregressive image generation.
    expect(
      tag(
        'Fast Autoregressive Text-to-Speech',
        'An autoregressive speech model generates audio tokens; our autoregressive decoder halves the latency of text-to-speech synthesis.',
      ),
    ).not.toContain('autoregressive-image-generation');
  });

  it('still finds those topics when the paper is about them', () => {
    expect(tag('Video World Models', 'We generate video from a world model of driving scenes and video frames.')).toContain('video');
    expect(tag('Policy Optimization for Reasoning', 'We train with reinforcement learning and a reward model.')).toContain(
      'reinforcement-learning',
    );
    expect(tag('Low-Bit Quantization', 'Post-training quantization at 4-bit precision.')).toContain('quantization');
    expect(tag('Visual Autoregressive Modeling', 'Autoregressive image generation by next-scale prediction.')).toContain(
      'autoregressive-image-generation',
    );
  });

  it('tells sparse coding from network sparsity, and 3D medical scans from 3D rendering', () => {
    expect(tag('A library for sparse coding', 'Dictionary learning with sparse coding and sparse priors.')).not.toContain(
      'pruning-and-sparsity',
    );
    expect(tag('Pruning sparse networks', 'We prune weights to get sparse networks.')).toContain('pruning-and-sparsity');
    expect(tag('Disease progression in 3D', 'We model 3D brain MRI scans of patients over time.')).toEqual(['medical-imaging']);
  });

  it('leaves at most 10% of the real Daily Papers untagged, and every topic with papers', () => {
    const papers = readdirSync(join(ROOT, 'content/papers')).map(
      (f) => parseEntry(readFileSync(join(ROOT, 'content/papers', f), 'utf8'), f).data,
    );
    const real = papers.filter((p) => (p['sources'] as { format: string }[]).some((s) => s.format === 'hf-api'));
    expect(real).toHaveLength(143);
    const untagged = real.filter((p) => (p['topics'] as string[]).length === 0);
    expect(untagged.length / real.length).toBeLessThanOrEqual(0.1);
    const used = new Set(papers.flatMap((p) => p['topics'] as string[]));
    for (const id of topicIds) expect(used.has(id), id).toBe(true);
  });
});

describe('npm run topics', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/topics.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

  it('suggests the phrases the papers awaiting a topic share, with counts and titles', () => {
    const dir = scratchContent(true);
    const header = 'new\n\nGet trending papers in your email inbox!\n\nDaily Papers\n\nAug 9\n\n';
    const cooking = (dish: string): string =>
      `Cooking ${dish} Well\n\nWe study sourdough fermentation in home kitchens, with sourdough starters kept for weeks, and measure how the ${dish} tastes to many cooks.\n`;
    const path = join(scratchDir('topics-'), 'page.txt');
    writeFileSync(path, header + ['Pasta', 'Bread', 'Pizza'].map(cooking).join('\n'));
    const plan = planIngest({ sourcePath: path, contentDir: dir });
    expect(plan.untagged).toHaveLength(3);
    commitWrites(dir, plan.writes);
    const result = run(['suggest', '--out', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^3 of 233 papers await a topic\./mu);
    // Words all three hold and no other paper does lead, each with the titles that hold it.
    expect(result.stdout).toMatch(
      /Phrases they share, most telling first:\n\n {2}"(cooking|fermentation|kitchens|sourdough)": 3 papers\n {6}Cooking (Pasta|Bread|Pizza) Well/u,
    );
    expect(result.stdout).toMatch(/^ {2}"sourdough": 3 papers$/mu);
    // Words many other papers hold tell these apart from nothing: they come after.
    expect(result.stdout.indexOf('"sourdough"')).toBeLessThan(result.stdout.indexOf('"study"'));
    expect(result.stdout.indexOf('"starters"')).toBeLessThan(result.stdout.indexOf('"measure"'));
    const coverage = run(['coverage', '--out', dir]);
    expect(coverage.stdout).toMatch(/daily-papers-aug-9 +3 of +3 await a topic \(100\.0 %\)/u);
    expect(coverage.stdout).toMatch(/all +3 of +233 await a topic \(1\.3 %\)/u);
  });

  it('says so when every paper has a topic, and explains its usage', () => {
    expect(run(['suggest']).stdout).toMatch(/Every paper has a topic: nothing to suggest\./u);
    const usage = run(['nonsense']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run topics -- suggest\|coverage/u);
  });
});
