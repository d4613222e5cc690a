import type { APIContext } from 'astro';
import { previewPng } from '../../../integrations/previews/api';
import type { Card } from '../../../lib/previews';
import { previewRoutes } from '../../../routing';

export const getStaticPaths = previewRoutes;

export async function GET({ props }: APIContext<{ card: Card }>): Promise<Response> {
  return new Response(new Uint8Array(await previewPng(props.card)), { headers: { 'Content-Type': 'image/png' } });
}
