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
export const emulatorDll = path.join(
  repoRoot, 'src/StompFunctions.Emulator/bin/Release/net10.0/StompFunctions.Emulator.dll');

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
 * Runs the DevHost on a free port (or `options.port`, e.g. to restart it where it was) and resolves once its
 * banner is out.
 * @param {{ args?: string[], env?: Record<string,string>, port?: number }} [options]
 */
export async function startStack(options = {}) {
  if (!existsSync(devHostDll)) {
    throw new Error(`The DevHost is not built: ${path.relative(repoRoot, devHostDll)} is missing. ` +
      'Run: dotnet build src/StompFunctions.DevHost -c Release');
  }
  const port = options.port ?? await freePort();
  const program = await startProgram(devHostDll, ['--port', String(port), ...(options.args ?? [])],
    { env: options.env, ready: /^Press Ctrl\+C to stop/, name: 'the DevHost' });
  const { output } = program;
  const field = (label) => {
    const line = output.find((l) => l.trimStart().startsWith(label));
    if (!line) throw new Error(`the banner has no "${label}" line:\n${output.join('\n')}`);
    return line.slice(line.indexOf(label) + label.length).trim();
  };

  return {
    ...program,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    get stompUrl() { return field('STOMP endpoint:').split(' ')[0]; },
    get pageUrl() { return field('Demo page:'); },
    get connectionString() { return field('Connection string:'); },
    hub: 'stomp',
  };
}

/**
 * Runs `dotnet <dll> args` and resolves once a line of its standard output matches `ready`. Every later line
 * (standard output and error) keeps arriving in `output`. `stop()` sends Ctrl+C (SIGINT) and waits for a
 * clean exit; it kills the process if it hangs.
 * @param {{ env?: Record<string,string>, ready: RegExp, name: string }} options
 */
export async function startProgram(dll, args, { env, ready, name }) {
  const child = spawn('dotnet', [dll, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DOTNET_NOLOGO: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let buffer = '';
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} was not ready within ${startTimeoutMs} ms:\n${output.join('\n')}`)),
      startTimeoutMs);
    const onLine = (line) => {
      output.push(line);
      if (ready.test(line)) {
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
      reject(new Error(`${name} exited (code ${code}, signal ${signal}) before it was ready:\n${output.join('\n')}`));
    });
  });
  try {
    await started;
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  return {
    output,
    exited,
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
  return runExpectingExit(devHostDll, ['--port', String(port), ...args], timeoutMs);
}

/** Runs a built program (`dotnet <dll> args`) that should exit on its own; resolves with its exit code and output. */
export async function runExpectingExit(dll, args, timeoutMs = 60_000) {
  const child = spawn('dotnet', [dll, ...args], {
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
