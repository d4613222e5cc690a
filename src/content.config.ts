import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema, topicSchema } from './lib/schema.ts';
import { SITE } from './site.config.ts';
import { plainMdx } from './loaders/plain-mdx.ts';
import { withEntryErrors } from './lib/errors.ts';

// Ids are the exact file names (glob() would otherwise re-slug them), like the papers' loader.
const stem = ({ entry }: { entry: string }): string => entry.replace(/\.[^.]+$/u, '');

const topicIds = readdirSync(join(SITE.contentDir, 'topics'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length));

export const collections = {
  papers: defineCollection({
    // Plain MDX bodies, rendered at content sync rather than compiled to a module each (see the loader).
    loader: plainMdx({ base: join(SITE.contentDir, 'papers') }),
    schema: paperSchema(topicIds),
  }),
  topics: defineCollection({
    loader: withEntryErrors(glob({ pattern: '*.yaml', base: join(SITE.contentDir, 'topics'), generateId: stem })),
    schema: topicSchema,
  }),
};
