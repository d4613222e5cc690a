import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../scripts/ingest/read.ts';
import { detectFormat, parseSource, SourceError } from '../../scripts/ingest/sources/index.ts';
import { parseHfApi } from '../../scripts/ingest/sources/hf-api.ts';
import { parseHfPage } from '../../scripts/ingest/sources/hf-page.ts';
import { parseArxiv } from '../../scripts/ingest/sources/arxiv.ts';
import { HF_DAYS, hfApiFile, seedText } from './helpers.ts';

const HEADER =
  'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nAug 5\n\n';
const ABSTRACT = 'We study a thing at length. It works well in practice, and we release code.';

function errorOf(read: () => unknown): SourceError {
  try {
    read();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('a Hugging Face papers page copied as text', () => {
  it('reads the seed listing: name, date label and 87 title/abstract pairs in order', () => {
    const page = parseHfPage(seedText());
    expect(page.name).toBe('Daily Papers');
    expect(page.date).toBe('Aug 5');
    expect(page.records).toHaveLength(87);
    expect(page.records[0]?.title).toBe('Chain-of-Model Learning for Language Model');
    expect(page.records[86]?.title).toBe('Enhancing Spatiotemporal Disease Progression Models via Latent Diffusion and Prior Knowledge');
    expect(page.records.map((p) => p.position)).toEqual(Array.from({ length: 87 }, (_, i) => i + 1));
    expect(page.records[0]?.where).toBe('line 13');
    expect(page.records[0]?.abstract.startsWith('In this paper, we propose a novel learning paradigm')).toBe(true);
  });

  it('tolerates CRLF line endings, trailing spaces and a missing final newline', () => {
    const plain = parseHfPage(`${HEADER}A Title\n\n${ABSTRACT}\n`);
    const messy = parseHfPage(`${HEADER}A Title   \n\n${ABSTRACT}  `.replace(/\n/gu, '\r\n'));
    expect(messy).toEqual(plain);
    expect(parseHfPage(seedText().replace(/\n/gu, '\r\n'))).toEqual(parseHfPage(seedText()));
  });

  it('joins an abstract wrapped over several lines', () => {
    expect(parseHfPage(`${HEADER}A Title\n\nFirst line of the abstract\nand its second line.\n`).records[0]?.abstract).toBe(
      'First line of the abstract and its second line.',
    );
  });

  it('reads a search results page, which has no date label and other chrome, and records no date', () => {
    const search =
      'Hugging Face\n\nPapers\n\nSearch any paper with AI\n\nGet trending papers in your email inbox once a day!\n\nSubscribe\n\n' +
      `Scaling Laws for Everything\n\n${ABSTRACT}\n\nSubmitted by someone\n\n· 42 upvotes\n\nAnother Paper\n\n${ABSTRACT}\n`;
    const page = parseHfPage(search);
    expect(page.name).toBe('Hugging Face papers');
    expect(page.date).toBeUndefined();
    expect(page.records.map((r) => r.title)).toEqual(['Scaling Laws for Everything', 'Another Paper']);
    expect(parseHfPage(search, '2025-06-01').date).toBe('2025-06-01');
  });

  it('reads the week and month views, recording their label as printed', () => {
    const week = HEADER.replace('Aug 5', 'Week 32, 2025');
    expect(parseHfPage(`${week}A Title\n\n${ABSTRACT}\n`).date).toBe('Week 32, 2025');
    expect(parseHfPage(`${HEADER.replace('Aug 5', 'August 2025')}A Title\n\n${ABSTRACT}\n`).date).toBe('August 2025');
  });

  it('reports a title without an abstract at the end, with its line number', () => {
    const error = errorOf(() => parseHfPage(`${HEADER}A Title\n\n${ABSTRACT}\n\nA Lonely Title\n`));
    expect(error.line).toBe(17);
    expect(error.message).toMatch(/"A Lonely Title" has no abstract/u);
  });

  it('reports a title whose abstract is missing in the middle, naming both lines', () => {
    const error = errorOf(() => parseHfPage(`${HEADER}First Title\n\nSecond Title\n\n${ABSTRACT}\n`));
    expect(error.line).toBe(13);
    expect(error.message).toMatch(/"First Title" has no abstract: the next paragraph \(line 15\) is another title/u);
  });

  it('reports a paragraph that fits no pair', () => {
    const error = errorOf(() => parseHfPage(`${HEADER}A Title\n\n${ABSTRACT}\n\n${ABSTRACT} ${ABSTRACT}\nsecond line\n`));
    expect(error.line).toBe(17);
    expect(error.message).toMatch(/expected a paper title/u);
  });

  it('refuses a page without papers, text from another site, prose, an empty file and binary data', () => {
    expect(errorOf(() => parseHfPage(HEADER)).message).toMatch(/no papers after its header \(the label "Aug 5"\)/u);
    expect(errorOf(() => parseHfPage(`Other Site\n\nAug 5\n\nA Title\n\n${ABSTRACT}`)).message).toMatch(
      /does not look like a Hugging Face papers page/u,
    );
    expect(errorOf(() => parseHfPage('Dear reader,\n\nthis is a letter.\n')).message).toMatch(
      /does not look like a Hugging Face papers page/u,
    );
    expect(errorOf(() => parseHfPage('\n\n')).message).toMatch(/the file is empty/u);
    expect(errorOf(() => parseHfPage('\u0000\u0001PNG garbage')).message).toMatch(/binary/u);
  });
});

describe('a Daily Papers API response', () => {
  it('holds the 143 papers of the eight saved days', () => {
    const counts = HF_DAYS.map((day) => parseHfApi(readFileSync(hfApiFile(day), 'utf8')).records.length);
    expect(counts).toEqual([8, 13, 17, 42, 12, 16, 20, 15]);
    for (const day of HF_DAYS) expect(parseHfApi(readFileSync(hfApiFile(day), 'utf8')).problems, day).toEqual([]);
  });

  it('reads the paper, its authors in order, its dates, code and project links and keywords', () => {
    const day = parseHfApi(readFileSync(hfApiFile('2025-05-30'), 'utf8'), '2025-05-30');
    expect(day).toMatchObject({ format: 'hf-api', name: 'Daily Papers', date: '2025-05-30' });
    const first = day.records[0];
    expect(first?.title).toBe('The Climb Carves Wisdom Deeper Than the Summit: On the Noisy Rewards in\n  Learning to Reason');
    expect(first?.abstract.startsWith('Recent studies on post-training large language models (LLMs) for reasoning\nthrough')).toBe(true);
    expect(first?.metadata).toEqual({
      arxiv: '2505.22653',
      authors: ['Ang Lv', 'Ruobing Xie', 'Xingwu Sun', 'Zhanhui Kang', 'Rui Yan'],
      published: '2025-05-28',
      submitted: '2025-05-30',
      keywords: expect.arrayContaining(['large language models (LLMs)', 'post-training', 'reinforcement learning (RL)']),
    });
    expect(first?.links).toEqual([{ kind: 'code', url: 'https://github.com/trestad/Noisy-Rewards-in-Learning-to-Reason' }]);
    expect(day.records[3]?.links).toEqual([
      { kind: 'code', url: 'https://github.com/diankun-wu/Spatial-MLLM' },
      { kind: 'project', url: 'https://diankun-wu.github.io/Spatial-MLLM/' },
    ]);
  });

  it('takes the day an older response lacks from the day it was asked for, and invents none without it', () => {
    const text = readFileSync(hfApiFile('2024-05-29'), 'utf8');
    const asked = parseHfApi(text, '2024-05-29');
    expect(asked.date).toBe('2024-05-29');
    expect(asked.records[0]?.metadata).toMatchObject({ arxiv: '2405.18407', published: '2024-05-28', submitted: '2024-05-29' });
    expect(asked.records[0]?.metadata.authors).toHaveLength(12);
    expect(asked.records[0]?.metadata.keywords).toBeUndefined();
    const unasked = parseHfApi(text);
    expect(unasked.date).toBeUndefined();
    expect(unasked.records[0]?.metadata.submitted).toBeUndefined();
  });

  it('refuses what is not a response: cut-off JSON, an error page, an object; and one bad item alone', () => {
    const text = readFileSync(hfApiFile('2025-09-15'), 'utf8');
    expect(errorOf(() => parseHfApi(text.slice(0, 5000))).message).toMatch(/not valid JSON.*is the file cut off/u);
    expect(errorOf(() => parseHfApi('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>')).message).toMatch(/not valid JSON/u);
    expect(errorOf(() => parseHfApi('{"error":"Invalid date"}')).message).toMatch(
      /expected a JSON array of papers.*object with the keys error/u,
    );
    const items = JSON.parse(text) as { paper: Record<string, unknown> }[];
    if (items[1]) items[1].paper['title'] = 42;
    if (items[2]) delete items[2].paper['summary'];
    const day = parseHfApi(JSON.stringify(items));
    expect(day.records).toHaveLength(items.length - 2);
    expect(day.problems.map((p) => `${p.where}: ${p.field}`)).toEqual(['item 2: paper.title', 'item 3: paper.summary']);
  });
});

const ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: id_list=2508.02324,2501.00001</title>
  <id>http://arxiv.org/api/abc</id>
  <updated>2025-08-05T00:00:00-04:00</updated>
  <entry>
    <id>http://arxiv.org/abs/2508.02324v2</id>
    <updated>2025-08-06T12:00:00Z</updated>
    <published>2025-08-04T17:59:03Z</published>
    <title>Scaling \\textsc{Laws} for
  Mixture-of-Experts &amp; Friends</title>
    <summary>  We study $L_2$ &lt;EOS&gt; tokens
and more.
</summary>
    <author><name>Ada Lovelace</name></author>
    <author><name>Alan  Turing</name><arxiv:affiliation>X</arxiv:affiliation></author>
    <link href="http://arxiv.org/abs/2508.02324v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/2508.02324v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_2501.0000x</id>
    <title>Error</title>
    <summary>incorrect id format for 2501.0000x</summary>
  </entry>
</feed>`;

describe('an arXiv API response (Atom)', () => {
  it('reads each entry: id without version, title, summary, authors in order, date and categories', () => {
    const feed = parseArxiv(ATOM);
    expect(feed).toMatchObject({ format: 'arxiv', name: 'arXiv' });
    expect(feed.records).toEqual([
      {
        position: 1,
        where: 'entry 1 (arXiv 2508.02324)',
        title: 'Scaling \\textsc{Laws} for\n  Mixture-of-Experts & Friends',
        abstract: 'We study $L_2$ <EOS> tokens\nand more.',
        metadata: {
          arxiv: '2508.02324',
          authors: ['Ada Lovelace', 'Alan Turing'],
          published: '2025-08-04',
          categories: ['cs.LG', 'stat.ML'],
        },
        links: [],
      },
    ]);
  });

  it("reports arXiv's error entries as problems of their own", () => {
    expect(parseArxiv(ATOM).problems).toEqual([
      { where: 'entry 2', field: 'id', message: 'arXiv answered with an error: incorrect id format for 2501.0000x' },
    ]);
    expect(errorOf(() => parseArxiv('<html><body>Bad gateway</body></html>')).message).toMatch(/not an arXiv Atom feed/u);
  });
});

describe('telling sources apart and reading their bytes', () => {
  it('detects each format by its content', () => {
    expect(detectFormat(seedText())).toBe('hf-page');
    expect(detectFormat(readFileSync(hfApiFile('2024-05-29'), 'utf8'))).toBe('hf-api');
    expect(detectFormat(ATOM)).toBe('arxiv');
    expect(detectFormat('\uFEFF  [ ]')).toBe('hf-api');
    expect(parseSource(ATOM).format).toBe('arxiv');
  });

  it('reads UTF-8 with or without a byte-order mark and UTF-16 with one, saying which; refuses other bytes', () => {
    const text = `${HEADER}Café Paper\n\n${ABSTRACT}\n`;
    expect(decodeSource(Buffer.from(text, 'utf8'))).toEqual({ text });
    expect(decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({
      text,
      note: 'read as UTF-8; its byte-order mark was skipped',
    });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeSource(le)).toEqual({ text, note: 'decoded as UTF-16 (little-endian), by its byte-order mark' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeSource(be)).toEqual({ text, note: 'decoded as UTF-16 (big-endian), by its byte-order mark' });
    expect(errorOf(() => decodeSource(Buffer.from('Caf\xe9 Paper', 'latin1'))).message).toMatch(/not UTF-8 text/u);
  });
});
