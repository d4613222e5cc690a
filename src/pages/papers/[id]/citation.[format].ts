import type { APIContext } from 'astro';
import { bibtexEntry } from '../../../lib/bibtex';
import { cslItem, cslJson, risRecords } from '../../../lib/citation';
import { timed } from '../../../integrations/timings';
import { absoluteUrl, urls } from '../../../lib/urls';
import { paperCitationRoutes, type CitationProps } from '../../../routing';

export const getStaticPaths = paperCitationRoutes;

/** Media types reference managers and browsers recognise. */
const TYPES = {
  bib: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  json: 'application/vnd.citationstyles.csl+json',
} as const;

export function GET({ props, site }: APIContext<CitationProps>): Response {
  const { paper, key, format } = props;
  const pageUrl = absoluteUrl(urls.paper(paper.id), site);
  const body = timed('feeds and exports', () => {
    if (format === 'bib') return `${bibtexEntry(paper, pageUrl, key)}\n`;
    const item = cslItem(paper, key, pageUrl);
    return format === 'ris' ? risRecords([item]) : cslJson([item]);
  });
  return new Response(body, { headers: { 'Content-Type': `${TYPES[format]}; charset=utf-8` } });
}
