/** The reading list's rules: what it keeps, what a shared link holds, what a list item shows. */
import { describe, expect, it } from 'vitest';
import { cleanIds, listItem, MAX_IDS, merged, readStored, shareQuery, sharedIds, storageKey, toggled } from '../../src/lib/reading-list.ts';

describe('the reading list', () => {
  it('keeps well-formed paper ids, each once, in the order saved', () => {
    expect(cleanIds(['b', 'a', 'b', 'Not An Id', 'x/../y', 42, '', 'c-2'])).toEqual(['b', 'a', 'c-2']);
    expect(cleanIds(Array.from({ length: MAX_IDS + 10 }, (_, i) => `p${i}`))).toHaveLength(MAX_IDS);
  });

  it('reads what the browser stored, and treats anything unreadable as an empty list', () => {
    expect(readStored('["a","b"]')).toEqual(['a', 'b']);
    for (const bad of [null, '', '{', '{"a":1}', '"a"', 'null']) expect(readStored(bad)).toEqual([]);
  });

  it('saves a paper at the end and removes it again', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('shares a list as a link of its ids, which opens the same list', () => {
    const query = shareQuery(['gpipe', 'scaling-laws-for-neural-language-models']);
    expect(query).toBe('?ids=gpipe,scaling-laws-for-neural-language-models');
    expect(sharedIds(new URLSearchParams(query))).toEqual(['gpipe', 'scaling-laws-for-neural-language-models']);
    expect(sharedIds(new URLSearchParams(''))).toBeUndefined();
    expect(sharedIds(new URLSearchParams('ids=<script>,ok'))).toEqual(['ok']);
    expect(shareQuery([])).toBe('');
  });

  it('adds a shared list to one’s own without losing or repeating a paper', () => {
    expect(merged(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('keeps one list per catalogue on an origin', () => {
    expect(storageKey('/')).not.toBe(storageKey('/catalogue/'));
  });

  it('shows a saved paper by the title and authors of its CSL-JSON citation', () => {
    const csl = [
      {
        title: 'Attention',
        author: [{ family: 'Vaswani' }, { family: 'Shazeer' }, { family: 'Parmar' }],
        issued: { 'date-parts': [[2017, 6]] },
      },
    ];
    expect(listItem(csl)).toEqual({ title: 'Attention', byline: 'Vaswani et al. · 2017' });
    expect(listItem([{ title: 'Seed', author: [{ family: 'A' }, { literal: 'B Team' }] }])).toEqual({
      title: 'Seed',
      byline: 'A and B Team',
    });
    expect(listItem([{ title: 'Page' }])).toEqual({ title: 'Page', byline: '' });
    for (const bad of [undefined, {}, [], [null], [{ title: 3 }]]) expect(listItem(bad)).toBeUndefined();
  });
});
