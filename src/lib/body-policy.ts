/**
 * What an entry body may hold: the one policy, applied by the papers' loader to every body before
 * it is rendered (src/loaders/plain-mdx.ts), whether the ingest wrote it or a maintainer edited it.
 *
 * A body is an abstract: paragraphs of text, backslash escapes, character references, `$…$` math,
 * links to http(s) addresses or to paths on this site, and images served by the site itself. It
 * runs no code (no MDX expression, component, HTML or import), and it holds no other Markdown, so
 * that body-read.ts reads it exactly as the page shows it. The policy reads the trees the Markdown
 * processor parses (the MDX tree for live MDX, the Markdown tree that is rendered for the rest), and
 * says for each problem the line of the body, what is wrong and the fix.
 */
import { badCharacter, codePoint } from './characters.ts';
import { isValidSpan } from './math.ts';
import { readBody } from './body-read.ts';
import { referenceProblem } from './references.ts';

/** A node of an mdast tree, as the Markdown processor gives it with positions. */
export interface BodyNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  title?: string | null;
  children?: BodyNode[];
  position?: { start?: { line?: number; offset?: number }; end?: { offset?: number } } | undefined;
}

export interface BodyProblem {
  /** Line of the body (the text after the frontmatter), from 1. */
  line: number;
  what: string;
  fix: string;
}

/** The trees of one body: its MDX parse (or why it has none) and its Markdown parse. */
export interface BodyTrees {
  mdx: BodyNode | { error: string; line: number };
  markdown: BodyNode;
}

const RERUN = 're-run the ingest, which escapes it';
// Said in words: Astro's error printer turns a Markdown link in a message into plain text.
const INLINE = 'write each link inline, its address in parentheses right after its text in brackets, and delete the definition line';
const LIVE = new Map<string, [what: string, fix: string]>([
  ['mdxjsEsm', ['an import or export statement', 'escape its first letter, e.g. &#x69;mport']],
  ['mdxFlowExpression', ['a {…} expression', 'escape the braces as \\{ and \\}']],
  ['mdxTextExpression', ['a {…} expression', 'escape the braces as \\{ and \\}']],
  ['mdxJsxFlowElement', ['a <…> component or HTML tag', 'escape the < as \\<']],
  ['mdxJsxTextElement', ['a <…> component or HTML tag', 'escape the < as \\<']],
  ['html', ['a <…> component or HTML tag', 'escape the < as \\<']],
]);

const FORMATTING = new Map([
  ['heading', 'a heading (a line starting with #, or underlined with = or -)'],
  ['list', 'a list (a line starting with -, +, * or a number and a dot)'],
  ['listItem', 'a list (a line starting with -, +, * or a number and a dot)'],
  ['blockquote', 'a block quote (a line starting with >)'],
  ['code', 'a code block (``` fences, or a line indented by four spaces)'],
  ['inlineCode', 'code (`…`)'],
  ['emphasis', 'emphasis (*…* or _…_)'],
  ['strong', 'strong emphasis (**…**)'],
  ['thematicBreak', 'a horizontal rule (a line of ---, *** or ___)'],
  ['math', 'a display math block ($$ on a line of its own)'],
]);

const ALLOWED = new Set(['root', 'paragraph', 'text', 'break']);

/** A URL shortened for a message. */
const shown = (url: string): string => JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}…` : url);

/**
 * Why a link or image destination (as the parser decoded it: references and escapes resolved) is
 * not allowed, or undefined. Links go to an http(s) address or a path on this site; images come
 * from this site only, since an image from elsewhere tells that site who reads the page.
 */
export function destinationProblem(url: string, image: boolean): { what: string; fix: string } | undefined {
  const what = image ? 'an image' : 'a link';
  const odd = /[\s\p{C}\uFFFD]/u.exec(url);
  if (odd)
    return {
      what: `${what} to ${shown(url)}, whose address holds ${odd[0] === ' ' ? 'a space' : `the character ${codePoint(odd[0])}`}`,
      fix: 'write the address as a browser shows it, with %20 for a space and no invisible or control characters',
    };
  const onSite = /^\/(?![/\\])/u.test(url);
  if (image && !onSite)
    return {
      what: `an image from ${shown(url)}, which is not served by this site`,
      fix: 'an abstract shows images from this site only (a path starting with /): delete it, or make it a link by deleting the ! before it',
    };
  if (onSite || /^https?:\/\/[^/\\?#]/iu.test(url)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(url)?.[1]?.toLowerCase();
  const kind = url.startsWith('//') ? 'a protocol-relative address' : scheme ? `a ${scheme}: address` : 'a relative address';
  return {
    what: `${what} to ${shown(url)}, ${kind}`,
    fix: 'links go to an http(s) address or to a path on this site (starting with /): write the full https:// address, or delete the link and keep its text',
  };
}

/**
 * A parser's message with each Markdown link (`[text](url)`) said in words: Astro's error printer
 * rewrites a Markdown link in a message, and the rewrite could eat the text around it.
 */
const inWords = (message: string): string =>
  message.replace(/`?\[([^\]]*)\]\(([^)]*)\)`?/gu, '$1 in brackets, followed by $2 in parentheses');

const lineOf = (body: string, index: number): number => body.slice(0, index).split('\n').length;

function nodeProblems(node: BodyNode, body: string): { what: string; fix: string }[] {
  const live = LIVE.get(node.type);
  if (live) return [{ what: `${live[0]}; entries hold plain text and run no code`, fix: `to show it as text, ${live[1]}, or ${RERUN}` }];
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
    const problems = [];
    const url = destinationProblem(node.url ?? '', node.type === 'image');
    if (url) problems.push(url);
    const label = badCharacter(`${node.alt ?? ''}${node.title ?? ''}`);
    if (label)
      problems.push({ what: `${node.type === 'image' ? 'an image description' : 'a link title'} holding ${label.what}`, fix: label.fix });
    if (node.type === 'definition' && !url) problems.push({ what: 'a link reference definition ([label]: address)', fix: INLINE });
    return problems;
  }
  if (node.type === 'linkReference' || node.type === 'imageReference')
    return [{ what: 'a reference-style link ([text][label])', fix: INLINE }];
  if (node.type === 'inlineMath') {
    const start = node.position?.start?.offset ?? 0;
    const source = body.slice(start, node.position?.end?.offset ?? start);
    if (source === `$${node.value ?? ''}$` && isValidSpan(node.value ?? '')) return [];
    return [
      {
        what: `the math span ${shown(source)}, which starts or ends with a space or is written $$…$$`,
        fix: 'write math as $…$ with no space just inside the dollars; to show a dollar sign, escape it as \\$',
      },
    ];
  }
  if (ALLOWED.has(node.type)) return [];
  return [
    {
      what: `${FORMATTING.get(node.type) ?? `Markdown syntax (${node.type})`}, which an abstract does not hold`,
      fix: `to show the characters as typed, escape them with a backslash (\\#, \\*, \\\`), or ${RERUN}`,
    },
  ];
}

/** Every problem of a body, in order of its lines, each once. */
export function bodyProblems(body: string, trees: BodyTrees): BodyProblem[] {
  const found: BodyProblem[] = [];
  // The MDX tree is read for live MDX only; the Markdown tree, which is what gets rendered, for the rest.
  const walk = (node: BodyNode, liveOnly: boolean): void => {
    const line = node.position?.start?.line ?? 1;
    if (!liveOnly || LIVE.has(node.type)) for (const p of nodeProblems(node, body)) found.push({ line, ...p });
    for (const child of node.children ?? []) walk(child, liveOnly);
  };
  walk(trees.markdown, false);
  // An MDX parse error on a line already named (an HTML tag, say) is the same problem.
  const { mdx } = trees;
  if (!('error' in mdx)) walk(mdx, true);
  else if (!found.some((p) => p.line === mdx.line))
    found.push({
      line: mdx.line,
      what: `text that is not valid MDX (${inWords(mdx.error)})`,
      fix: `escape the characters MDX reads as code, or ${RERUN}`,
    });
  for (const { ref, index } of readBody(body).references) {
    const problem = referenceProblem(ref);
    if (problem) found.push({ line: lineOf(body, index), ...problem });
  }
  const seen = new Set<string>();
  return found
    .filter((p) => {
      const key = `${p.line}\n${p.what}`;
      return !seen.has(key) && seen.add(key);
    })
    .sort((a, b) => a.line - b.line);
}
