/**
 * Curated topic overviews: MDX written by people with commit rights (content/topics/<id>.mdx),
 * with the site's components <Paper id="…"/>, <Papers ids={[…]}/>, <Aside> and <Figure>. This
 * reads what the catalogue needs of one without compiling it: the papers it cites and the images
 * it shows, so an unknown id or a missing image fails the build naming the file, and its first
 * paragraph as plain text, for the topic's feed and link preview.
 */
import { texToText } from './math.ts';

/** The paper ids an overview cites with <Paper id="…"/> and <Papers ids={["…", …]}/>. */
export function overviewPaperIds(body: string): string[] {
  const ids: string[] = [];
  for (const m of body.matchAll(/<Paper\s(?:[^>]*?\s)?id=(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/gu))
    ids.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of body.matchAll(/<Papers\s(?:[^>]*?\s)?ids=\{\s*\[([^\]]*)\]\s*\}/gu))
    for (const id of (m[1] ?? '').matchAll(/["']([^"']*)["']/gu)) ids.push(id[1] ?? '');
  return ids;
}

/** What to write instead of a <Figure src> that is not a path the site serves (isSitePath). */
export const FIGURE_PATH_ADVICE = 'give the path of a file under public/, such as "figures/plot.png"; images come from the site itself';

/** Whether a <Figure src> is a path the site serves from public/ ("figures/plot.png"), not an address or a way out of it. */
export const isSitePath = (src: string): boolean => /^\/?[\w./-]+$/u.test(src) && !src.includes('..');

/** The paths under public/ of the images an overview shows with <Figure src="…"/>. */
export const overviewFigures = (body: string): string[] =>
  [...body.matchAll(/<Figure\s(?:[^>]*?\s)?src=(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/gu)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );

/** The overview's first paragraph of prose (not a heading) as plain text: components, Markdown syntax and math reduced to what they read as. */
export function overviewText(body: string): string {
  const paragraphs = body
    .replace(/^(?:import|export)\s.*$/gmu, '')
    .split(/\n\s*\n/u)
    // Headings name a part; they say nothing on their own in a feed or a preview.
    .filter((p) => !/^\s*#/u.test(p))
    .map((p) =>
      texToText(
        p
          // Whole components that are not prose (cards, figures) and tags of those that wrap prose.
          .replace(/<(?:Paper|Papers|Figure)\b[^>]*\/>/gu, '')
          .replace(/<\/?[A-Za-z][^>]*>/gu, '')
          .replace(/!?\[([^\]]*)\]\([^)]*\)/gu, '$1')
          .replace(/(\*\*|__|\*|_|`)(.+?)\1/gu, '$2'),
      )
        .replace(/\s+/gu, ' ')
        .trim(),
    );
  return paragraphs.find((p) => p.length > 0) ?? '';
}
