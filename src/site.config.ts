/**
 * Site-wide settings. `site`, `base` and the repository can be overridden from the environment
 * when building (see the README, "Deploy"), so one checkout can be deployed anywhere.
 */
const env = (name: string): string | undefined => {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
};

/** Normalises a base path to `/` or `/sub/path/`. */
function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/gu, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The address a build gets when SITE_URL is not set: a placeholder, which the build warns about. */
export const PLACEHOLDER_URL = 'https://papers.example.org';

export const SITE = {
  /** The catalogue's name, in titles, feeds and preview images. */
  name: 'Paper Catalogue',
  /** One sentence for the home page and meta descriptions. */
  tagline: 'Machine-learning papers from the Hugging Face Daily Papers, with abstracts, topics, code links and instant search.',
  /** The public origin, used for canonical URLs, feeds, the sitemap and link previews. */
  url: env('SITE_URL') ?? PLACEHOLDER_URL,
  /** The sub-path the site is served under, `/` at the root. */
  base: normaliseBase(env('BASE_PATH')),
  /** The repository behind the site: "report a problem" links open its new-issue form. */
  repository: env('REPOSITORY_URL') ?? 'https://github.com/example/paper-catalogue',
  /** The content root (papers/, topics/, sources/), relative to the project. Tests and benchmarks point it elsewhere. */
  contentDir: env('CATALOGUE_CONTENT') ?? 'content',
} as const;
