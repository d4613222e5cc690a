/**
 * The preview server the browser tests and the measuring scripts use (scripts/preview.ts).
 */
import { writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview.ts';
import { scratchDir } from './helpers.ts';

/** GETs `url` through `agent`; says whether the request went over a connection an earlier one had opened. */
const reused = (url: string, agent: Agent): Promise<boolean> =>
  new Promise((done, fail) => {
    const request = get(url, { agent }, (response) => {
      response.resume().on('end', () => done(request.reusedSocket));
    });
    request.on('error', fail);
  });

it('keeps a connection that has been idle for longer than Node’s 5 s default, as a browser test’s request client expects', async () => {
  const dist = scratchDir('preview-');
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>x</title>');
  const server = await startPreview(dist, 0, '/');
  // Playwright's request client: a keep-alive agent that never drops an idle connection itself.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    expect(await reused(server.url, agent)).toBe(false);
    await sleep(6_000);
    expect(await reused(server.url, agent)).toBe(true);
  } finally {
    agent.destroy();
    await server.stop();
  }
});
