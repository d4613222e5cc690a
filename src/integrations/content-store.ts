/**
 * Astro gives the build's pages the content store as one module, `export default JSON.parse("…")`,
 * the whole store in one string literal. Node compiles a literal of tens of megabytes that holds
 * text beyond Latin-1 very slowly: 11.5 s of a 10 000-paper build went to its 37 MB store (20 s
 * when imported alone), against about 2 s for the same text as literals of 1 MB joined when the
 * module runs. This rewrites the module so, at build time; the string, and so the store, is the
 * same. (Astro's experimental chunked storage splits the store too, but measures the UTF-8 size of
 * each character with its own TextEncoder call: 44 s more at 10 000 papers.) Should Astro emit the
 * module in another shape, the build warns and leaves it alone.
 */
import type { AstroIntegration } from 'astro';

/** Astro's resolved id of the content store module (astro/dist/content/consts.js). */
const STORE_MODULE = /^\0astro:data-layer-content$/u;
const HEAD = 'export default JSON.parse(';
/** Characters per literal: small enough to compile fast, few enough to stay one module. */
export const PIECE = 1 << 20;

/**
 * The store module with its one string literal cut into literals of at most `piece` UTF-16 code
 * units, joined back when the module runs (a surrogate pair cut in two is whole again after the
 * join). The code unchanged when the string is no longer than one piece; undefined when the code
 * is not `export default JSON.parse(<string literal>)`.
 */
export function splitStoreLiteral(code: string, piece = PIECE): string | undefined {
  const source = code.trim().replace(/;$/u, '');
  if (!source.startsWith(HEAD) || !source.endsWith(')')) return undefined;
  let text: unknown;
  try {
    // Astro writes the literal with JSON.stringify, so it reads back as JSON.
    text = JSON.parse(source.slice(HEAD.length, -1));
  } catch {
    return undefined;
  }
  if (typeof text !== 'string') return undefined;
  if (text.length <= piece) return code;
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += piece) pieces.push(JSON.stringify(text.slice(i, i + piece)));
  return `${HEAD}[\n${pieces.join(',\n')}\n].join(''))`;
}

export default function contentStore(): AstroIntegration {
  return {
    name: 'catalogue-content-store',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'catalogue-content-store',
                transform: {
                  filter: { id: STORE_MODULE },
                  handler(code: string, id: string) {
                    // The filter is a hint some bundlers ignore: the id is checked again.
                    if (!STORE_MODULE.test(id)) return null;
                    const split = splitStoreLiteral(code);
                    if (split === undefined) {
                      logger.warn(
                        'The content store module is not in the shape src/integrations/content-store.ts expects; left as is (slower to compile).',
                      );
                      return null;
                    }
                    return split === code ? null : { code: split, map: null };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
