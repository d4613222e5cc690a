import { describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH, slugify } from '../../scripts/ingest/slug.ts';
import { repair } from '../../scripts/ingest/repair.ts';
import { ID_PATTERN } from '../../src/lib/schema.ts';
import { parseHfPage } from '../../scripts/ingest/sources/hf-page.ts';
import { seedText } from './helpers.ts';

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Scaling Law with Learning Rate Annealing')).toBe('scaling-law-with-learning-rate-annealing');
    expect(slugify('SP²OT: Semantic-Regularized Transport')).toBe('sp2ot-semantic-regularized-transport');
    expect(slugify('Scaling Diffusion Transformers Efficiently via μP')).toBe('scaling-diffusion-transformers-efficiently-via-mup');
    expect(slugify('DεpS: Delayed ε-Shrinking')).toBe('deps-delayed-e-shrinking');
    expect(slugify('Fréchet, Ångström & naïve')).toBe('frechet-angstrom-naive');
    expect(slugify("YuE's model: don't")).toBe('yues-model-dont');
    expect(slugify('Loss $D_{KL}$ bound')).toBe('loss-d-kl-bound');
  });

  it("steers clear of the ids of the site's own pages", () => {
    expect(slugify('A–Z')).toBe('a-z-paper');
    expect(slugify('Page')).toBe('page-paper');
  });

  it('is the same for NFC and NFD spellings of a title', () => {
    expect(slugify('Fre\u0301chet')).toBe(slugify('Fréchet'));
  });

  it('cuts long titles at a word boundary within 80 characters', () => {
    const id = slugify(
      'Towards a clinically accessible radiology foundation model: open-access and lightweight, with automated evaluation',
    );
    expect(id).toBe('towards-a-clinically-accessible-radiology-foundation-model-open-access-and');
    expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(slugify('x'.repeat(200))).toHaveLength(MAX_ID_LENGTH);
  });

  it('falls back to a hash for titles without Latin letters or digits', () => {
    expect(slugify('大规模语言模型')).toMatch(/^paper-[0-9a-f]{10}$/u);
    expect(slugify('大规模语言模型')).not.toBe(slugify('扩展定律'));
    expect(slugify('\u{1F600}\u{1F680}')).toMatch(/^paper-[0-9a-f]{10}$/u);
  });

  it('gives every seed paper a distinct id that matches the schema', () => {
    const ids = parseHfPage(seedText()).records.map((p) => slugify(repair(p.title).text));
    expect(new Set(ids).size).toBe(87);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });
});
