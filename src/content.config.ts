import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema, topicSchema } from './lib/schema.ts';
import { SITE } from './site.config.ts';

// Ids are the exact file names (the glob loader would otherwise re-slug them), so the
// catalogue can check that each entry's `id` field matches its file.
const stem = ({ entry }: { entry: string }): string => entry.replace(/\.[^.]+$/u, '');

const topicIds = readdirSync(join(SITE.contentDir, 'topics'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length));

export const collections = {
  papers: defineCollection({
    loader: glob({ pattern: '*.mdx', base: join(SITE.contentDir, 'papers'), generateId: stem }),
    schema: paperSchema(topicIds),
  }),
  topics: defineCollection({
    loader: glob({ pattern: '*.yaml', base: join(SITE.contentDir, 'topics'), generateId: stem }),
    schema: topicSchema,
  }),
};
