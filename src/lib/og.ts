/**
 * Link-preview images (1200×630 PNG) for papers and topics, rendered at build time with Satori
 * (layout and text wrapping to SVG) and resvg (SVG to PNG), from a font bundled with the project so
 * every machine draws the same pixels. Each image is cached on disk under a hash of its content, so
 * an unchanged page costs no rendering on the next build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { cachedFilePath, contentHash, storeFile } from './cache.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Bump when the design changes, so cached images are redrawn. */
const DESIGN_VERSION = 2;

export interface Card {
  /** Small label above the title: "Paper" or "Topic". */
  kind: string;
  /** Plain-text title; long titles are clamped to four lines. */
  title: string;
  /** A line under the title, e.g. the topic's summary. */
  subtitle?: string;
  /** The line of counts or topics near the bottom. */
  detail: string;
  /** The catalogue's name and host, in the footer. */
  site: string;
  host: string;
}

const require = createRequire(import.meta.url);
const fontFile = (name: string): Buffer => readFileSync(require.resolve(`@fontsource/inter/files/${name}`));

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
  // Fontsource splits Inter by script; each subset is its own family so Satori falls back to it.
  fonts ??= ['latin', 'latin-ext', 'greek'].flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: `Inter ${subset}`,
      data: fontFile(`inter-${subset}-${weight}-normal.woff`),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

const COLORS = { paper: '#fbfaf7', ink: '#1b1c20', muted: '#575b63', accent: '#1e4fc2', line: '#e2ded5' };

type El = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, children?: unknown): El => ({ type, props: { style, children } });

/** The card's layout as a Satori element tree (no JSX needed). */
function layout(card: Card): El {
  const size = card.title.length > 140 ? 46 : card.title.length > 80 ? 54 : 64;
  return h(
    'div',
    {
      width: '100%',
      height: '100%',
      display: 'flex',
      flexDirection: 'column',
      background: COLORS.paper,
      fontFamily: 'Inter latin, Inter latin-ext, Inter greek',
      color: COLORS.ink,
    },
    [
      h('div', { height: 16, background: COLORS.accent, display: 'flex' }),
      h('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '56px 72px 48px' }, [
        h('div', { display: 'flex', fontSize: 28, fontWeight: 700, color: COLORS.accent, letterSpacing: 1 }, card.kind.toUpperCase()),
        h(
          'div',
          { display: 'block', marginTop: 24, fontSize: size, fontWeight: 700, lineHeight: 1.18, lineClamp: 4, overflow: 'hidden' },
          card.title,
        ),
        ...(card.subtitle
          ? [
              h(
                'div',
                {
                  display: 'block',
                  marginTop: 24,
                  fontSize: 36,
                  fontWeight: 400,
                  lineHeight: 1.3,
                  color: COLORS.muted,
                  lineClamp: 2,
                  overflow: 'hidden',
                },
                card.subtitle,
              ),
            ]
          : []),
        h('div', { display: 'flex', flexGrow: 1 }),
        h('div', { display: 'block', fontSize: 30, fontWeight: 400, color: COLORS.muted, lineClamp: 1, overflow: 'hidden' }, card.detail),
        h(
          'div',
          {
            display: 'flex',
            justifyContent: 'space-between',
            marginTop: 28,
            paddingTop: 24,
            borderTop: `2px solid ${COLORS.line}`,
            fontSize: 28,
          },
          [h('div', { display: 'flex', fontWeight: 700 }, card.site), h('div', { display: 'flex', color: COLORS.muted }, card.host)],
        ),
      ]),
    ],
  );
}

/** Renders a card to PNG bytes. */
export async function renderCard(card: Card): Promise<Uint8Array> {
  const svg = await satori(layout(card) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
}

/** The PNG for a card, from the on-disk cache when its content is unchanged. */
export async function cardPng(card: Card): Promise<Uint8Array> {
  const key = contentHash({ card, v: DESIGN_VERSION });
  const path = cachedFilePath('og', key, 'png');
  try {
    return readFileSync(path);
  } catch {
    const png = await renderCard(card);
    storeFile('og', key, 'png', png);
    return png;
  }
}

/** Cards for each kind of page. Pure: built from the catalogue's data. */
export const cards = {
  paper(title: string, topicNames: string[], hasCode: boolean, site: string, host: string): Card {
    return { kind: 'Paper', title, detail: [...topicNames, ...(hasCode ? ['code available'] : [])].join(' · '), site, host };
  },
  topic(name: string, summary: string, papers: number, withCode: number, site: string, host: string): Card {
    return {
      kind: 'Topic',
      title: name,
      subtitle: summary,
      detail: `${papers} ${papers === 1 ? 'paper' : 'papers'} · ${withCode} with code`,
      site,
      host,
    };
  },
  site(tagline: string, papers: number, topics: number, withCode: number, site: string, host: string): Card {
    return { kind: 'Catalogue', title: tagline, detail: `${papers} papers · ${topics} topics · ${withCode} with code`, site, host };
  },
};
