import type { APIContext } from 'astro';
import { SITE } from '../../../site.config';
import { getCatalogue } from '../../../lib/catalogue';
import { cardKey, cardPng, catalogueCards, prepareCards, type Card } from '../../../lib/og';

export async function getStaticPaths() {
  const pages = catalogueCards(await getCatalogue(), {
    name: SITE.name,
    tagline: SITE.tagline,
    host: new URL(import.meta.env.SITE ?? SITE.url).host,
  });
  // Astro collects every route's paths before rendering any page: a worker starts drawing the
  // images now, while the pages render. Astro renders routes in order of their first segment, so
  // "previews" comes after "papers", the bulk of the pages (see src/lib/og/pool.ts).
  prepareCards(pages.map((p) => p.card));
  return pages.map(({ kind, id, card }) => ({ params: { kind, id }, props: { card }, cacheKey: cardKey(card) }));
}

export function GET({ props }: APIContext<{ card: Card }>): Response {
  return new Response(new Uint8Array(cardPng(props.card)), { headers: { 'Content-Type': 'image/png' } });
}
