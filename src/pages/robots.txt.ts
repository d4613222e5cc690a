import type { APIContext } from 'astro';
import { absoluteUrl, urls } from '../lib/urls';

export function GET(context: APIContext): Response {
  const sitemap = absoluteUrl(urls.asset('sitemap-index.xml'), context.site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
