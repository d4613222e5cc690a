import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cards, catalogueCards } from '../../src/lib/previews.ts';
import { scratchDir } from './helpers.ts';

const cacheDir = scratchDir('og-cache-');
process.env['CATALOGUE_ARTEFACT_CACHE'] = cacheDir;
let render: typeof import('../../src/integrations/previews/render.ts');
let card: typeof import('../../src/integrations/previews/card.ts');
let raster: typeof import('../../src/integrations/previews/raster.ts');
let text: typeof import('../../src/integrations/previews/text.ts');
let pool: typeof import('../../src/integrations/previews/pool.ts');
beforeAll(async () => {
  // Imported after the cache folder is set: the cache reads it when loaded.
  [render, card, raster, text, pool] = await Promise.all([
    import('../../src/integrations/previews/render.ts'),
    import('../../src/integrations/previews/card.ts'),
    import('../../src/integrations/previews/raster.ts'),
    import('../../src/integrations/previews/text.ts'),
    import('../../src/integrations/previews/pool.ts'),
  ]);
});

const size = (png: Uint8Array): [number, number] => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
};
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('preview images', () => {
  it('renders a 1200×630 PNG for a long, non-Latin title without failing', () => {
    const paper = cards.paper(
      `${'Scaling laws for μP and SP²OT '.repeat(10)}中文 🚀`,
      ['Scaling laws', 'Diffusion models'],
      true,
      'Paper Catalogue',
      'example.org',
    );
    const png = card.renderCard(paper);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(size(png)).toEqual([raster.WIDTH, raster.HEIGHT]);
  });

  it('describes papers by topics and code, topics and the site by their counts, in the right number', () => {
    expect(cards.paper('T', ['A', 'B'], true, 'S', 'h').detail).toBe('A · B · code available');
    expect(cards.topic('Video', 'About video.', 1, 0, 'S', 'h')).toMatchObject({
      title: 'Video',
      subtitle: 'About video.',
      detail: '1 paper · 0 with code',
    });
    expect(cards.topic('Video', 'About video.', 2, 1, 'S', 'h').detail).toBe('2 papers · 1 with code');
    expect(cards.site('Tag.', 1, 1, 0, 'S', 'h').detail).toBe('1 paper · 1 topic · 0 with code');
    expect(cards.site('Tag.', 1234, 25, 3, 'S', 'h').detail).toBe('1,234 papers · 25 topics · 3 with code');
  });

  it('caches each image by its content: the same card is rendered once, a changed one again', () => {
    const topic = cards.topic('Caching', 'Once.', 3, 1, 'S', 'h');
    const first = render.drawPng(topic);
    const files = readdirSync(join(cacheDir, 'og'));
    const second = render.drawPng(topic);
    expect(second).toEqual(first);
    expect(readdirSync(join(cacheDir, 'og'))).toEqual(files);
    render.drawPng({ ...topic, detail: '4 papers · 1 with code' });
    expect(readdirSync(join(cacheDir, 'og'))).toHaveLength(files.length + 1);
  });
});

describe('the preview pool', () => {
  it('answers every card in any order, with the same image whether a worker or the page thread drew it', async () => {
    const many = Array.from({ length: 45 }, (_, i) => cards.paper(`Pool paper ${i}`, ['Topic'], i % 2 === 0, 'S', 'h'));
    const previews = new pool.PreviewPool(2);
    previews.start(many);
    // Asked for from the end (where the workers start) and from the start, interleaved.
    const order = many.flatMap((_, i) => (i % 2 === 0 ? [many[many.length - 1 - i / 2]] : [many[(i - 1) / 2]])).filter(Boolean);
    const pngs = await Promise.all([...new Set(order)].map((c) => previews.png(c as (typeof many)[number])));
    await previews.close();
    expect(pngs).toHaveLength(many.length);
    for (const png of pngs) expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // Each card has its own image, identical to drawing it directly.
    for (const c of many.slice(0, 3)) expect(await new pool.PreviewPool(1).png(c)).toEqual(card.renderCard(c));
  });
});

describe('card text', () => {
  it('wraps at spaces, breaks an over-long word, and ends clipped text with an ellipsis', () => {
    const { wrap, shape } = text;
    const lines = wrap('Scaling Diffusion Transformers Efficiently via μP', 700, 64, 1056, 4);
    expect(lines).toEqual(['Scaling Diffusion Transformers', 'Efficiently via μP']);
    for (const line of lines) expect(shape(line, 700, 64).width).toBeLessThanOrEqual(1056);
    const long = wrap('x'.repeat(200), 700, 64, 1056, 2);
    expect(long).toHaveLength(2);
    expect(long[1]?.endsWith('…')).toBe(true);
    const clipped = wrap('word '.repeat(100), 400, 30, 400, 1);
    expect(clipped).toHaveLength(1);
    expect(clipped[0]).toMatch(/^word( word)*…$/u);
    expect(wrap('大规模语言模型的扩展定律', 700, 64, 200, 4).length).toBeGreaterThan(1);
  });

  it('kerns: "AV" is narrower than "A" and "V" apart', () => {
    const { shape } = text;
    expect(shape('AV', 700, 64).width).toBeLessThan(shape('A', 700, 64).width + shape('V', 700, 64).width);
  });
});

describe("the catalogue's cards", () => {
  it('has one card for the site, each paper and each topic', () => {
    const topic = { id: 't', name: 'T', summary: 'S.', description: 'D.', aliases: [], file: 'f' };
    const paper = { id: 'p', titleText: 'P', topics: ['t'], hasCode: true } as Parameters<typeof catalogueCards>[0]['papers'][number];
    const pages = catalogueCards(
      {
        papers: [paper],
        topics: [topic],
        topicById: new Map([['t', topic]]),
        byTopic: new Map([['t', [paper]]]),
        stats: { papers: 1, topics: 1, withCode: 1, untagged: 0 },
      },
      { name: 'Cat', tagline: 'Tag.', host: 'h' },
    );
    expect(pages.map((p) => `${p.kind}/${p.id}: ${p.card.detail}`)).toEqual([
      'site/index: 1 paper · 1 topic · 1 with code',
      'paper/p: T · code available',
      'topic/t: 1 paper · 1 with code',
    ]);
  });
});
