import { describe, expect, it } from 'vitest';
import { joinTex, renderTex, splitTex, texToText, texToUnicode } from '../../src/lib/math.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';

describe('splitTex / joinTex', () => {
  it('splits text and math spans', () => {
    expect(splitTex('a $x^2$ b')).toEqual([
      { kind: 'text', value: 'a ' },
      { kind: 'math', tex: 'x^2' },
      { kind: 'text', value: ' b' },
    ]);
  });

  it('does not treat prices or escaped dollars as math', () => {
    expect(splitTex('costs $5 and $ 10')).toEqual([{ kind: 'text', value: 'costs $5 and $ 10' }]);
    expect(splitTex('\\$x\\$')).toEqual([{ kind: 'text', value: '$x$' }]);
  });

  it('is inverted exactly by joinTex for every hostile string', () => {
    for (const s of HOSTILE_STRINGS) {
      const segments = [{ kind: 'text' as const, value: s }];
      expect(splitTex(joinTex(segments))).toEqual(segments);
      expect(joinTex(splitTex(joinTex(segments)))).toBe(joinTex(segments));
    }
  });
});

describe('texToUnicode', () => {
  it('maps common macros and simple scripts', () => {
    expect(texToUnicode('L_0 + A\\cdot S_1^{-\\alpha}')).toBe('L₀ + A · S₁^(-α)');
    expect(texToUnicode('A\\cdot S')).toBe('A · S');
    expect(texToUnicode('\\nabla_\\theta L')).toBe('∇_θ L');
    expect(texToUnicode('\\gamma \\to \\infty')).toBe('γ → ∞');
    expect(texToUnicode('x^2')).toBe('x²');
  });

  it('gives plain text for a title with math', () => {
    expect(texToText('Loss $D_{KL}$ for \\$5')).toBe('Loss D_KL for $5');
  });
});

describe('renderTex', () => {
  it('renders MathML with the TeX source as annotation', () => {
    const html = renderTex('x^{2}');
    expect(html).toContain('<math');
    expect(html).toContain('<annotation encoding="application/x-tex">x^{2}</annotation>');
  });

  it('refuses links and HTML from untrusted TeX', () => {
    const html = renderTex('\\href{javascript:alert(1)}{x} \\htmlId{a}{b} <script>');
    expect(html).not.toMatch(/href="javascript|<script|id="a"/u);
  });
});

describe('renderTex with invalid TeX', () => {
  it('shows the escaped source instead of an inline-styled error', () => {
    const html = renderTex('\\frac{<b>');
    expect(html).toBe('<code class="tex-error">\\frac{&#60;b&#62;</code>');
    expect(html).not.toContain('style=');
  });
});
