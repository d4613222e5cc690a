/**
 * Derived views of the catalogue: papers per topic, topics by size, related topics, neighbours in
 * listing order, counts. Pure functions over the model, so every page sees the same grouping.
 */
import { collator, type Paper, type Topic } from './papers.ts';

/** Papers of each topic, in the order given (listing order). Every topic has an entry. */
export function papersByTopic(papers: readonly Paper[], topics: readonly Topic[]): Map<string, Paper[]> {
  const map = new Map<string, Paper[]>(topics.map((t) => [t.id, []]));
  for (const paper of papers) for (const id of paper.topics) map.get(id)?.push(paper);
  return map;
}

export interface TopicSummary {
  topic: Topic;
  count: number;
}

/** Topics by number of papers, largest first, then by name. */
export function topicsBySize(topics: readonly Topic[], byTopic: Map<string, Paper[]>): TopicSummary[] {
  return topics
    .map((topic) => ({ topic, count: byTopic.get(topic.id)?.length ?? 0 }))
    .sort((a, b) => b.count - a.count || collator.compare(a.topic.name, b.topic.name) || a.topic.id.localeCompare(b.topic.id));
}

export interface RelatedTopic {
  topic: Topic;
  /** Papers tagged with both topics. */
  shared: number;
}

/** Topics that share papers with `topicId`, most shared first, then by name. */
export function relatedTopics(topicId: string, topics: readonly Topic[], byTopic: Map<string, Paper[]>, limit = 6): RelatedTopic[] {
  const own = new Set((byTopic.get(topicId) ?? []).map((p) => p.id));
  return topics
    .filter((t) => t.id !== topicId)
    .map((topic) => ({ topic, shared: (byTopic.get(topic.id) ?? []).filter((p) => own.has(p.id)).length }))
    .filter((r) => r.shared > 0)
    .sort((a, b) => b.shared - a.shared || collator.compare(a.topic.name, b.topic.name))
    .slice(0, limit);
}

export interface Neighbours {
  prev?: Paper;
  next?: Paper;
}

/** The previous and next paper of each paper in the given order. */
export function neighbours(papers: readonly Paper[]): Map<string, Neighbours> {
  return new Map(
    papers.map((paper, i) => {
      const prev = papers[i - 1];
      const next = papers[i + 1];
      return [paper.id, { ...(prev ? { prev } : {}), ...(next ? { next } : {}) }];
    }),
  );
}

export interface Stats {
  papers: number;
  topics: number;
  withCode: number;
  /** Papers that no topic rule matched yet. */
  untagged: number;
}

export function stats(papers: readonly Paper[], topics: readonly Topic[]): Stats {
  return {
    papers: papers.length,
    topics: topics.length,
    withCode: papers.filter((p) => p.hasCode).length,
    untagged: papers.filter((p) => p.topics.length === 0).length,
  };
}

/** The papers that await a topic (no rule matched them, and no curator gave them one), A–Z. */
export function untaggedPapers(papers: readonly Paper[]): Paper[] {
  return papers.filter((p) => p.topics.length === 0).sort((a, b) => collator.compare(a.titleText, b.titleText) || a.id.localeCompare(b.id));
}
