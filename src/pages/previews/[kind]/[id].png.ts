import type { APIContext } from 'astro';
import { getCatalogue, previewCards } from '../../../content';
import { previewPng } from '../../../integrations/previews/api';
import type { Card } from '../../../lib/previews';

export async function getStaticPaths() {
  return previewCards(await getCatalogue()).map(({ kind, id, card }) => ({ params: { kind, id }, props: { card } }));
}

export async function GET({ props }: APIContext<{ card: Card }>): Promise<Response> {
  return new Response(new Uint8Array(await previewPng(props.card)), { headers: { 'Content-Type': 'image/png' } });
}
