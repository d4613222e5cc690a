/**
 * Build-time Markdown extensions for paper bodies, as a Sätteri plugin (Astro 7's default
 * Markdown/MDX processor runs no remark/rehype plugins): inline math becomes MathML, and links to
 * other sites get `rel="noopener"`. What a body may hold is checked before it is rendered, in one
 * place: the papers' loader applies src/lib/body-policy.ts.
 */
import { defineHastPlugin, htmlToHast, type HastNode } from 'satteri';
import { renderTex } from '../lib/math.ts';

/**
 * How paper bodies are parsed, here and wherever they are checked (src/loaders/plain-mdx.ts): math,
 * no GFM (tables, autolinks, strikethrough), and no smart punctuation, so a page shows exactly the
 * characters its entry holds.
 */
export const BODY_FEATURES = { math: true, gfm: false, smartPunctuation: false } as const;

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
