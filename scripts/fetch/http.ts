/**
 * A polite GET for the fetcher: requests spaced in time, each with a timeout, retried with
 * exponential backoff on 429, 5xx and network errors, never sooner than the server's Retry-After.
 * A client error (404, 403…) is not retried: asking again would not change the answer.
 */

/** How hard and how often the fetcher asks. Every wait is in milliseconds. */
export interface Politeness {
  /** The most one request may take, headers and body included. */
  timeoutMs: number;
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the first retry; each next one waits twice as long. */
  backoffMs: number;
  /** The longest wait between two tries; a server asking (Retry-After) for longer is not asked again. */
  maxWaitMs: number;
  /** The least time between the starts of two requests, retries included. */
  intervalMs: number;
}

/** One request a second at most, 30 s each, five tries over about half a minute. */
export const DEFAULT_POLITENESS: Politeness = { timeoutMs: 30_000, attempts: 5, backoffMs: 2_000, maxWaitMs: 60_000, intervalMs: 1_000 };

/** A response that came in whole with a 2xx status. */
export interface Answer {
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

/** The API did not answer usefully: down after every try, unreachable, or refusing the request. */
export class ApiUnavailable extends Error {
  /** False when asking later would get the same answer (a 404: the address is wrong). */
  readonly later: boolean;
  constructor(message: string, later = true) {
    super(message);
    this.name = 'ApiUnavailable';
    this.later = later;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
export const seconds = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;

/**
 * The wait a Retry-After header asks for, in milliseconds: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, a wait until then). Undefined when absent or unreadable.
 */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/u.test(text)) return Number(text) * 1000;
  // Every HTTP date form starts with the day's name (Wed, Wednesday); Date.parse alone takes '-5' for a year.
  const at = /^[A-Z][a-z]{2}/u.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A function that waits until at least `intervalMs` has passed since the previous call. */
export function pacer(intervalMs: number): () => Promise<void> {
  let last = -Infinity;
  return async () => {
    const wait = last + intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    last = performance.now();
  };
}

/** A network failure in words: a timeout, a refused or broken connection, an unknown host. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const failure = error as Error & { cause?: Error & { code?: string } };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return `no answer within ${seconds(timeoutMs)}`;
  const code = failure.cause?.code;
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name could not be resolved (${code})`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection broke before the whole response came in';
  const detail = failure.cause?.message ?? failure.message;
  return `the connection failed (${code ? `${code}: ` : ''}${detail})`;
}

export interface GetOptions {
  politeness: Politeness;
  /** Shared by every request of a run, so retries and other days are spaced too. */
  pace: () => Promise<void>;
  headers: Record<string, string>;
  /** Told about each failed try before the wait. */
  onRetry?: (problem: string, waitMs: number, nextTry: number) => void;
}

/** GETs `url` politely (see the top of this file). Throws {@link ApiUnavailable} when it cannot. */
export async function politeGet(url: string, { politeness, pace, headers, onRetry }: GetOptions): Promise<Answer> {
  const { attempts, backoffMs, maxWaitMs, timeoutMs } = politeness;
  for (let attempt = 1; ; attempt++) {
    await pace();
    let problem: string;
    let asked: number | undefined;
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.ok) return { status: response.status, contentType: response.headers.get('content-type') ?? '', bytes };
      if (response.status !== 429 && response.status < 500)
        throw new ApiUnavailable(`the API answered ${status} for ${url}; asking again would not change that`, false);
      problem = `the API answered ${status}`;
      asked = retryAfterMs(response.headers.get('retry-after'));
    } catch (error) {
      if (error instanceof ApiUnavailable) throw error;
      problem = describeFailure(error, timeoutMs);
    }
    if (attempt >= attempts) throw new ApiUnavailable(`${problem} for ${url}${attempts > 1 ? `, at the last of ${attempts} tries` : ''}`);
    if (asked !== undefined && asked > maxWaitMs)
      throw new ApiUnavailable(
        `${problem} for ${url}, and asks not to be asked again for ${seconds(asked)} (Retry-After), longer than the ${seconds(maxWaitMs)} this fetch waits`,
      );
    // No jitter: one client asks one request at a time, so there is no crowd of retries to spread out.
    const wait = Math.min(Math.max(backoffMs * 2 ** (attempt - 1), asked ?? 0), maxWaitMs);
    onRetry?.(problem, wait, attempt + 1);
    await sleep(wait);
  }
}
