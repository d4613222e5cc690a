import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { glossarySchema, paperSchema, topicSchema } from './lib/schema.ts';
import { SITE } from './site.config.ts';
import { glossary } from './loaders/glossary.ts';
import { plainMdx } from './loaders/plain-mdx.ts';
import { contentError, withEntryErrors } from './lib/errors.ts';

// Ids are the exact file names (glob() would otherwise re-slug them), like the papers' loader.
const stem = ({ entry }: { entry: string }): string => entry.replace(/\.[^.]+$/u, '');

// A topic is a YAML file, or an MDX file when a curator wrote it an overview (its body).
const topicFiles = readdirSync(join(SITE.contentDir, 'topics')).filter((f) => /\.(?:yaml|mdx)$/u.test(f));
const topicIds = topicFiles.map((f) => stem({ entry: f }));
const twice = topicIds.find((id, i) => topicIds.indexOf(id) !== i);
if (twice)
  throw contentError(
    `content/topics/: the topic "${twice}" has both a .yaml and an .mdx file.`,
    `Keep one: ${twice}.mdx holds the same fields as ${twice}.yaml, with the overview as its body.`,
  );

export const collections = {
  papers: defineCollection({
    // Plain MDX bodies, rendered at content sync rather than compiled to a module each (see the loader).
    loader: plainMdx({ base: join(SITE.contentDir, 'papers') }),
    schema: paperSchema(topicIds),
  }),
  topics: defineCollection({
    loader: withEntryErrors(glob({ pattern: '*.{yaml,mdx}', base: join(SITE.contentDir, 'topics'), generateId: stem })),
    schema: topicSchema,
  }),
  glossary: defineCollection({
    loader: withEntryErrors(glossary(join(SITE.contentDir, 'glossary.yaml'))),
    schema: glossarySchema,
  }),
};
