import { describe, expect, it } from 'vitest';
import { classifyUrl, extractLinks, findUrls } from '../../src/lib/links.ts';

describe('findUrls', () => {
  it('drops punctuation that ends the sentence', () => {
    const urls = (t: string): string[] => findUrls(t).map((u) => u.url);
    expect(urls('released at https://github.com/microsoft/CoLM.')).toEqual(['https://github.com/microsoft/CoLM']);
    expect(urls('see https://a.org/x, https://b.org/y; and https://c.org/z!')).toEqual([
      'https://a.org/x',
      'https://b.org/y',
      'https://c.org/z',
    ]);
    expect(urls('page: https://sk-fun.fun/PVD-AL.')).toEqual(['https://sk-fun.fun/PVD-AL']);
    expect(urls('open at https://github.com/THUDM/GLM-130B .')).toEqual(['https://github.com/THUDM/GLM-130B']);
  });

  it('keeps balanced parentheses and drops an unbalanced closing one', () => {
    expect(findUrls('(code: https://x.org/a_(b)_c)').map((u) => u.url)).toEqual(['https://x.org/a_(b)_c']);
    expect(findUrls('(see https://x.org/a)').map((u) => u.url)).toEqual(['https://x.org/a']);
  });

  it('reports positions that slice back to the URL', () => {
    const text = 'Code: https://github.com/sail-sg/ScaleLong';
    const [span] = findUrls(text);
    expect(span && text.slice(span.start, span.end)).toBe('https://github.com/sail-sg/ScaleLong');
  });

  it('ignores things that are not http(s) URLs', () => {
    expect(findUrls('javascript:alert(1) ftp://x.org http://localhost')).toEqual([]);
  });
});

describe('classifyUrl', () => {
  it('types repositories, project pages and the rest', () => {
    expect(classifyUrl('https://github.com/Tencent/HunyuanVideo')).toBe('code');
    expect(classifyUrl('https://gitlab.com/group/project')).toBe('code');
    expect(classifyUrl('https://github.com/Tencent')).toBe('other');
    expect(classifyUrl('https://phyworld.github.io')).toBe('project');
    expect(classifyUrl('https://sk-fun.fun/PVD-AL', 'accurate. Project website: ')).toBe('project');
    expect(classifyUrl('https://huggingface.co/camlab-ethz', 'pretrained models and datasets at ')).toBe('other');
  });
});

describe('extractLinks', () => {
  it('lists each URL once, typed, in order', () => {
    expect(extractLinks('Code https://github.com/a/b and again https://github.com/a/b. Project page: https://a.github.io/p/')).toEqual([
      { kind: 'code', url: 'https://github.com/a/b' },
      { kind: 'project', url: 'https://a.github.io/p/' },
    ]);
  });

  it('reads the $…$ format: a URL holding escaped dollars is whole, and math holds no link', () => {
    expect(extractLinks('code at https://github.com/a/b\\$c\\$d and $https://x.org/in-math$')).toEqual([
      { kind: 'code', url: 'https://github.com/a/b$c$d' },
    ]);
  });
});
