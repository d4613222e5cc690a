/**
 * The content store module, cut into literals that compile fast (src/integrations/content-store.ts).
 * Astro emits it as `export default JSON.parse(<the store's JSON as a string literal>)`; the e2e
 * builds fail if Astro's module no longer has that shape.
 */
import { describe, expect, it } from 'vitest';
import { PIECE, splitStoreLiteral } from '../../src/integrations/content-store.ts';

/** The store module as Astro writes it (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const storeModule = (store: unknown): string => `export default JSON.parse(${JSON.stringify(JSON.stringify(store))})`;
/** What a module's default export evaluates to. */
const evaluate = (code: string): unknown => new Function(code.replace(/^export default /u, 'return '))();

describe('the content store module', () => {
  const store = {
    papers: [
      { id: 'constructor', title: 'Quotes " and \\ backslashes, </script>, a line\u2028separator' },
      { id: 'emoji', title: 'Emoji 🧪 and math 𝒪(n²), Ελληνικά, 中文, 𓂀' },
    ],
  };

  it('is cut into literals of at most one piece that join to the same store, a surrogate pair cut in two included', () => {
    const code = storeModule(store);
    const text = JSON.stringify(store);
    // A piece that ends inside the first emoji's surrogate pair.
    const piece = text.indexOf('🧪') + 1;
    const split = splitStoreLiteral(code, piece) ?? '';
    expect(evaluate(split)).toEqual(store);
    // One literal a line (a line separator inside a literal is not a line here).
    const literals = split.split('\n').filter((line) => line.startsWith('"'));
    expect(literals.length).toBe(Math.ceil(text.length / piece));
    for (const literal of literals) expect((JSON.parse(literal.replace(/,$/u, '')) as string).length).toBeLessThanOrEqual(piece);
  });

  it('is left as it is when its text fits one piece', () => {
    expect(splitStoreLiteral(storeModule(store))).toBe(storeModule(store));
    expect(PIECE).toBeGreaterThan(JSON.stringify(store).length);
  });

  it('is not touched when it has another shape, so the build can say so', () => {
    for (const code of [
      'export default new Map()',
      'export default {"papers":[]}',
      'export default JSON.parse("[" + x)',
      'export default JSON.parse(x)',
    ])
      expect(splitStoreLiteral(code), code).toBeUndefined();
  });
});
