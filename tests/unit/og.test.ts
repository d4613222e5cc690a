import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
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
    const png = await og.renderCard(card);
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
    const first = await og.cardPng(card);
    const files = readdirSync(join(cacheDir, 'og'));
    const second = await og.cardPng(card);
    expect(second).toEqual(first);
    expect(readdirSync(join(cacheDir, 'og'))).toEqual(files);
    await og.cardPng({ ...card, detail: '4 papers · 1 with code' });
    expect(readdirSync(join(cacheDir, 'og'))).toHaveLength(files.length + 1);
  });
});
