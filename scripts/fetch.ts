/**
 * Fetches the Hugging Face Daily Papers API response of each day and ingests it.
 *
 *   npm run fetch -- [--date YYYY-MM-DD | --from YYYY-MM-DD [--to YYYY-MM-DD]] [--out DIR]
 *
 * Without a date: yesterday and today in UTC. --to defaults to today. --out is the content root
 * (default: content). Each response is checked whole before anything is written: one that is not
 * the expected JSON is refused and kept in content/sources/rejected/; an empty day (a weekend)
 * writes nothing; the others go through the ingest, which keeps the response in content/sources/.
 *
 * Variables: CATALOGUE_HF_API (default https://huggingface.co), REPOSITORY_URL (named in the
 * User-Agent), and the waits in milliseconds: CATALOGUE_FETCH_TIMEOUT_MS (per request, 30000),
 * CATALOGUE_FETCH_ATTEMPTS (5), CATALOGUE_FETCH_BACKOFF_MS (first retry, doubled each time, 2000),
 * CATALOGUE_FETCH_MAX_WAIT_MS (longest wait, Retry-After included, 60000) and
 * CATALOGUE_FETCH_INTERVAL_MS (between requests, 1000).
 *
 * Exit status: 0 when every day went in (or had no papers); 1 when a response or a paper was
 * refused (the rest is written); 2 on wrong usage; 3 when the machine is at fault (a full disk,
 * no content root, another ingest that does not finish); 4 when the API stayed down or refused the
 * request (the days before are written, the rest are not fetched).
 */
import { runCli } from './cli.ts';
import { fetchCommand } from './fetch/command.ts';

await runCli(async () => (await fetchCommand(process.argv.slice(2), process.env)).status);
