/**
 * Build-time Markdown extensions for paper bodies, as Sätteri plugins (Astro 7's default
 * Markdown/MDX processor runs no remark/rehype plugins): entries may hold no live MDX, inline math
 * becomes MathML, and links to other sites get `rel="noopener"`.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { defineHastPlugin, defineMdastPlugin, htmlToHast, type HastNode } from 'satteri';
import { renderTex } from '../lib/math.ts';

type Positioned = { position?: { start?: { line?: number } } | undefined };
type Context = { fileURL: URL | undefined };

function refuse(what: string, fix: string) {
  return (node: Positioned, ctx: Context): never => {
    const file = ctx.fileURL ? relative(process.cwd(), fileURLToPath(ctx.fileURL)) : 'an entry';
    const line = node.position?.start?.line;
    throw new Error(
      `${file}: body: contains ${what}${line ? ` (line ${line})` : ''}; entries hold plain text and run no code. To show it as text, ${fix}, or re-run the ingest, which escapes it.`,
    );
  };
}

const expression = refuse('a {…} expression', 'escape the braces as \\{ and \\}');
const tag = refuse('a <…> component or HTML tag', 'escape the < as \\<');

/**
 * Paper bodies are text. The papers' loader (src/loaders/plain-mdx.ts) refuses live MDX before
 * rendering; this refuses it again wherever Markdown or MDX is rendered, so a hand edit can never
 * make an entry execute code or emit raw HTML. The ingest escapes all of these.
 */
export const plainBodies = defineMdastPlugin({
  name: 'catalogue-plain-bodies',
  options: { position: true },
  mdxjsEsm: refuse('an import or export statement', 'escape its first letter, e.g. &#x69;mport'),
  mdxFlowExpression: expression,
  mdxTextExpression: expression,
  mdxJsxFlowElement: tag,
  mdxJsxTextElement: tag,
  html: tag,
});

/**
 * `htmlToHast` keys the MathML namespace as `:xmlns`, which would serialise as a bogus attribute;
 * the HTML parser puts `<math>` in the MathML namespace anyway.
 */
function dropNamespaceKeys(node: HastNode): HastNode {
  const withProps = node as { properties?: Record<string, unknown>; children?: HastNode[] };
  if (withProps.properties) delete withProps.properties[':xmlns'];
  withProps.children?.forEach(dropNamespaceKeys);
  return node;
}

export const mathAndLinks = defineHastPlugin({
  name: 'catalogue-math-and-links',
  element: {
    filter: ['code', 'a'],
    visit(node, ctx) {
      const props = (node.properties ?? {}) as Record<string, unknown>;
      if (node.tagName === 'a') {
        const href = typeof props['href'] === 'string' ? props['href'] : '';
        if (/^https?:\/\//iu.test(href)) ctx.setProperty(node, 'rel', ['noopener']);
        return;
      }
      const classes = Array.isArray(props['className']) ? props['className'] : [];
      if (!classes.includes('math-inline')) return;
      const math = htmlToHast(renderTex(ctx.textContent(node)), { fragment: true }) as { children?: HastNode[] };
      ctx.replaceNode(node, (math.children ?? []).map(dropNamespaceKeys) as never);
    },
  },
});
