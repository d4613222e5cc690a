import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assignTopics, normaliseForMatch, scoreTopics, type TopicRule } from '../../scripts/ingest/topics.ts';
import { parseEntry } from '../../scripts/ingest/entry.ts';
import { ROOT } from './helpers.ts';

const rule = (id: string, match: string[], exclude: string[] = []): TopicRule => ({ id, match, exclude });

describe('topic matching', () => {
  it('matches whole words and phrases, case-insensitively, plural or not, hyphen or space', () => {
    const [score] = scoreTopics('A title', 'We study Test-Time Scaling and two diffusion models; distillations too.', [
      rule('x', ['test time scaling', 'diffusion model', 'distillation']),
    ]);
    expect(score?.hits).toEqual(['test time scaling', 'diffusion model', 'distillation']);
    expect(scoreTopics('Title', 'the vitamin and premoe', [rule('x', ['vit', 'moe'])])[0]?.score).toBe(0);
  });

  it('weighs a title hit three times an abstract hit', () => {
    const rules = [rule('a', ['quantization']), rule('b', ['pruning'])];
    const scores = scoreTopics('Quantization for transformers', 'pruning and pruning', rules);
    expect(scores.map((s) => s.score)).toEqual([3, 2]);
  });

  it('caps repeated phrases, so one word cannot dominate', () => {
    expect(scoreTopics('T', 'video video video video video video', [rule('v', ['video'])])[0]?.score).toBe(3);
  });

  it('lets an exclude phrase veto a topic', () => {
    expect(assignTopics('T', 'data pruning and more data pruning', [rule('p', ['pruning'], ['data pruning'])])).toEqual([]);
  });

  it('assigns at most four topics, best first, ties in vocabulary order', () => {
    const rules = ['a', 'b', 'c', 'd', 'e'].map((id) => rule(id, [`word${id}`]));
    expect(assignTopics('wordb worde', 'worda wordc wordd wordd wordc worda', rules)).toEqual(['b', 'e', 'a', 'c']);
  });

  it('normalises Greek letters and accents for matching', () => {
    expect(normaliseForMatch('Scaling via μP, naïvely')).toBe(' scaling via μp naively ');
  });
});

describe('the curated vocabulary and tags', () => {
  const topicIds = readdirSync(join(ROOT, 'content/topics')).map((f) => f.replace(/\.yaml$/u, ''));
  const papers = readdirSync(join(ROOT, 'content/papers')).map(
    (f) => parseEntry(readFileSync(join(ROOT, 'content/papers', f), 'utf8'), f).data,
  );

  it('has 15 to 25 topics, each with a name and a one-paragraph description', () => {
    expect(topicIds.length).toBeGreaterThanOrEqual(15);
    expect(topicIds.length).toBeLessThanOrEqual(25);
    for (const id of topicIds) {
      const topic = parse(readFileSync(join(ROOT, 'content/topics', `${id}.yaml`), 'utf8')) as { name: string; description: string };
      expect(topic.description.length).toBeGreaterThan(80);
      expect(topic.description).not.toContain('\n');
    }
  });

  it('gives every paper 1 to 4 topics and every topic at least 2 papers', () => {
    const counts = new Map(topicIds.map((id) => [id, 0]));
    for (const paper of papers) {
      const topics = paper['topics'] as string[];
      expect(topics.length).toBeGreaterThanOrEqual(1);
      expect(topics.length).toBeLessThanOrEqual(4);
      for (const t of topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    for (const [id, count] of counts) expect(count, id).toBeGreaterThanOrEqual(2);
  });
});

describe('the vocabulary rules', () => {
  const rules = readdirSync(join(ROOT, 'content/topics')).map((f) => {
    const topic = parse(readFileSync(join(ROOT, 'content/topics', f), 'utf8')) as { match: string[]; exclude?: string[] };
    return { id: f.replace(/\.yaml$/u, ''), match: topic.match, exclude: topic.exclude ?? [] };
  });

  it('tell sparse coding from network sparsity, and 3D medical scans from 3D rendering', () => {
    expect(assignTopics('A library for sparse coding', 'Dictionary learning with sparse coding and sparse priors.', rules)).not.toContain(
      'pruning-and-sparsity',
    );
    expect(assignTopics('Pruning sparse networks', 'We prune weights to get sparse networks.', rules)).toContain('pruning-and-sparsity');
    expect(assignTopics('Disease progression in 3D', 'We model 3D brain MRI scans of patients over time.', rules)).toEqual([
      'medical-imaging',
    ]);
  });
});
