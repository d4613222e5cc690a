import type { APIContext } from 'astro';
import { papersJsonSchema } from '../lib/feeds';
import { absoluteUrl, urls } from '../lib/urls';

/** The JSON Schema papers.json follows, built from the schema the export is typed by. */
export function GET(context: APIContext): Response {
  const schema = papersJsonSchema(absoluteUrl(urls.jsonSchema(), context.site));
  return new Response(JSON.stringify(schema, null, 2), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
}
