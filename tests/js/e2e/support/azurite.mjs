// Azurite's table service (from npm) in memory on a free loopback port, for suites that run the DevHost on
// Table Storage. `restart()` stops it and starts it again on the same port: in memory, every table and row is
// gone afterwards, which is what the store-reset suite plays.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, repoRoot } from './stack.mjs';
import { within } from './clients.mjs';

// Azurite's well-known development account: public, documented, useless outside Azurite.
const account = 'devstoreaccount1';
const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const startTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;

/** Starts Azurite's table service; resolves with `{ port, connectionString, restart(), stop() }`. */
export async function startAzurite() {
  const port = await freePort();
  // Azurite writes its debug log and telemetry settings into the working directory: give it a scratch one.
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'stompfunctions-azurite-'));
  let child = await launch(port, workDir);
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${accountKey};`
    + `TableEndpoint=http://127.0.0.1:${port}/${account};`;
  return {
    port,
    connectionString,
    async restart() {
      await terminate(child);
      child = await launch(port, workDir);
    },
    async stop() {
      await terminate(child);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

async function launch(port, cwd) {
  const child = spawn(process.execPath, [
    path.join(repoRoot, 'node_modules/azurite/dist/src/table/main.js'),
    '--tableHost', '127.0.0.1', '--tablePort', String(port), '--inMemoryPersistence', '--silent', '--skipApiVersionCheck', '--disableTelemetry',
  ], { stdio: ['ignore', 'pipe', 'pipe'], cwd });
  let log = '';
  const started = new Promise((resolve, reject) => {
    const check = (chunk) => {
      log += chunk;
      if (/successfully started/i.test(log)) resolve();
    };
    child.stdout.on('data', check);
    child.stderr.on('data', (chunk) => { log += chunk; });
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}): ${log}`)));
  });
  await within(started, startTimeoutMs, 'Azurite to listen');
  return child;
}

async function terminate(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await within(exited, stopTimeoutMs, 'Azurite to stop');
}
