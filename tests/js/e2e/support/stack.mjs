// Starts and stops the local stack (the DevHost built in Release) for one test suite.
// Everything is bounded: a stack that does not print its banner in time, or does not stop after
// Ctrl+C, fails the suite instead of hanging it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const devHostDll = path.join(
  repoRoot, 'src/StompFunctions.DevHost/bin/Release/net10.0/StompFunctions.DevHost.dll');

const startTimeoutMs = 60_000;
const stopTimeoutMs = 15_000;

/** Asks the kernel for a free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs the DevHost on a free port and resolves once its banner is out.
 * @param {{ args?: string[], env?: Record<string,string> }} [options]
 */
export async function startStack(options = {}) {
  if (!existsSync(devHostDll)) {
    throw new Error(`The DevHost is not built: ${path.relative(repoRoot, devHostDll)} is missing. ` +
      'Run: dotnet build src/StompFunctions.DevHost -c Release');
  }
  const port = await freePort();
  const child = spawn('dotnet', [devHostDll, '--port', String(port), ...(options.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, DOTNET_NOLOGO: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let buffer = '';
  const banner = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the DevHost printed no banner within ${startTimeoutMs} ms:\n${output.join('\n')}`)),
      startTimeoutMs);
    const onLine = (line) => {
      output.push(line);
      if (/^Press Ctrl\+C to stop/.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, newline).replace(/\r$/, ''));
        buffer = buffer.slice(newline + 1);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => output.push(...chunk.split('\n').filter(Boolean)));
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the DevHost exited (code ${code}, signal ${signal}) before it was ready:\n${output.join('\n')}`));
    });
  });
  try {
    await banner;
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  const field = (label) => {
    const line = output.find((l) => l.trimStart().startsWith(label));
    if (!line) throw new Error(`the banner has no "${label}" line:\n${output.join('\n')}`);
    return line.slice(line.indexOf(label) + label.length).trim();
  };

  return {
    port,
    output,
    baseUrl: `http://127.0.0.1:${port}`,
    get stompUrl() { return field('STOMP endpoint:'); },
    get pageUrl() { return field('Demo page:'); },
    get connectionString() { return field('Connection string:'); },
    hub: 'stomp',
    exited,
    /** Sends Ctrl+C (SIGINT) and waits for a clean exit; kills the process if it hangs. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Runs the DevHost expecting it to fail fast; resolves with its exit code and output. */
export async function runStackExpectingExit(args, timeoutMs = 60_000) {
  const port = await freePort();
  const child = spawn('dotnet', [devHostDll, '--port', String(port), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DOTNET_NOLOGO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (c) => { text += c; });
  child.stderr.on('data', (c) => { text += c; });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await new Promise((resolve) => child.once('exit', (c, s) => resolve({ code: c, signal: s })));
  clearTimeout(timer);
  return { code, signal, output: text };
}
