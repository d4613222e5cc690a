import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from './helpers.ts';

const cacheDir = scratchDir('og-cache-');
process.env['CATALOGUE_ARTEFACT_CACHE'] = cacheDir;
let og: typeof import('../../src/lib/og.ts');
beforeAll(async () => {
  og = await import('../../src/lib/og.ts');
});

const size = (png: Uint8Array): [number, number] => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
};

describe('preview images', () => {
  it('renders a 1200×630 PNG for a long, non-Latin title without failing', async () => {
    const card = og.cards.paper(
      `${'Scaling laws for μP and SP²OT '.repeat(10)}中文 🚀`,
      ['Scaling laws', 'Diffusion models'],
      true,
      'Paper Catalogue',
      'example.org',
    );
    const png = og.renderCard(card);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(size(png)).toEqual([og.OG_WIDTH, og.OG_HEIGHT]);
  });

  it('describes papers by topics and code, topics by their counts', () => {
    expect(og.cards.paper('T', ['A', 'B'], true, 'S', 'h').detail).toBe('A · B · code available');
    expect(og.cards.topic('Video', 'About video.', 1, 0, 'S', 'h')).toMatchObject({
      title: 'Video',
      subtitle: 'About video.',
      detail: '1 paper · 0 with code',
    });
  });

  it('caches each image by its content: the same card is rendered once, a changed one again', async () => {
    const card = og.cards.topic('Caching', 'Once.', 3, 1, 'S', 'h');
    const first = og.cardPng(card);
    const files = readdirSync(join(cacheDir, 'og'));
    const second = og.cardPng(card);
    expect(second).toEqual(first);
    expect(readdirSync(join(cacheDir, 'og'))).toEqual(files);
    og.cardPng({ ...card, detail: '4 papers · 1 with code' });
    expect(readdirSync(join(cacheDir, 'og'))).toHaveLength(files.length + 1);
  });
});

describe('card text', () => {
  it('wraps at spaces, breaks an over-long word, and ends clipped text with an ellipsis', async () => {
    const { wrap, shape } = await import('../../src/lib/og/text.ts');
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

  it('kerns: "AV" is narrower than "A" and "V" apart', async () => {
    const { shape } = await import('../../src/lib/og/text.ts');
    expect(shape('AV', 700, 64).width).toBeLessThan(shape('A', 700, 64).width + shape('V', 700, 64).width);
  });
});

describe("the catalogue's cards", () => {
  it('has one card for the site, each paper and each topic', () => {
    const topic = { id: 't', name: 'T', summary: 'S.', description: 'D.', aliases: [], file: 'f' };
    const paper = { id: 'p', titleText: 'P', topics: ['t'], hasCode: true } as Parameters<typeof og.catalogueCards>[0]['papers'][number];
    const pages = og.catalogueCards(
      {
        papers: [paper],
        topics: [topic],
        topicById: new Map([['t', topic]]),
        byTopic: new Map([['t', [paper]]]),
        stats: { papers: 1, topics: 1, withCode: 1 },
      },
      { name: 'Cat', tagline: 'Tag.', host: 'h' },
    );
    expect(pages.map((p) => `${p.kind}/${p.id}: ${p.card.detail}`)).toEqual([
      'site/index: 1 papers · 1 topics · 1 with code',
      'paper/p: T · code available',
      'topic/t: 1 paper · 1 with code',
    ]);
  });
});
