// Every code block of the README runs as written against the DevHost (only its port is changed): the
// browser snippet in Node (with `ws` as its WebSocket) and in Chromium from a second origin (negotiate
// across origins needs the DevHost's CORS), each command line of the bash blocks, and the printed banner.
// A block this test does not know how to run fails it: the README only shows what works.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, repoRoot, startStack } from './support/stack.mjs';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
const waitMs = 20_000;

/** The fenced blocks of a Markdown text: { lang, text }. */
function codeBlocks(markdown) {
  const blocks = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let match; (match = fence.exec(markdown)) !== null;) blocks.push({ lang: match[1], text: match[2] });
  return blocks;
}

const blocks = codeBlocks(readme);
const jsBlocks = blocks.filter((b) => b.lang === 'js');
const bashBlocks = blocks.filter((b) => b.lang === 'bash');
const plainBlocks = blocks.filter((b) => b.lang === '');

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

/** The README's URLs name the default port; the test's DevHost runs on a free one. */
const onTestPort = (text) => text.replaceAll('localhost:8080', `localhost:${stack.port}`);

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, DOTNET_NOLOGO: '1' }, ...options });
    let output = '';
    child.stdout.on('data', (c) => { output += c; });
    child.stderr.on('data', (c) => { output += c; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.once('exit', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

/** Starts `node file` and resolves with its first stdout line matching `pattern`; the process is killed after. */
function firstLine(file, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const done = (fn, value) => { clearTimeout(timer); child.kill('SIGKILL'); fn(value); };
    const timer = setTimeout(() => done(reject, new Error(`no line matching ${pattern} within ${waitMs} ms:\n${output}`)), waitMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => pattern.test(l));
      if (line) done(resolve, line);
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => done(reject, new Error(`the snippet exited (${code}) first:\n${output}`)));
  });
}

/** The command lines of a bash block: continuations joined, comments and blank lines dropped. */
function isLogLine(line) {
  return /^(trce|dbug|info|warn|fail|crit): /.test(line);
}

function commandLines(block) {
  return block.text.replace(/\\\n\s*/g, ' ').split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

// How each kind of README command is run: `dotnet run` parses its options (with --help appended, so the
// programs check every option and exit), curl talks to the test's DevHost, the test command itself is skipped.
const shellPrelude = `
set -euo pipefail
dotnet() {
  [ "$1" = run ] && [ "$2" = --project ] || { echo "README runs dotnet $1: not covered by readme.test.mjs" >&2; return 1; }
  local name; name=$(basename "$3"); shift 3; [ "\${1:-}" = -- ] && shift
  command dotnet "src/$name/bin/Release/net10.0/$name.dll" "$@" --help > /dev/null
}
`;

describe('README code blocks', () => {
  test('the README has the blocks this test runs', () => {
    assert.ok(jsBlocks.length >= 1, 'a browser snippet');
    assert.ok(bashBlocks.length >= 1, 'commands');
    for (const block of blocks) {
      assert.ok(['js', 'bash', ''].includes(block.lang), `a \`\`\`${block.lang} block in the README: reference code belongs in docs/`);
    }
  });

  test('the printed banner is what the DevHost prints', () => {
    const banner = plainBlocks.find((b) => b.text.startsWith('StompFunctions DevHost is running'));
    assert.ok(banner, 'the README shows the banner');
    // Start-up log lines ("info: Category[id]" and their indented message) are written by the console logger's own
    // thread and may land between the banner's lines; the banner is what the README shows.
    const banners = stack.output.filter((l, i, all) => !isLogLine(l) && !(l.startsWith('      ') && i > 0 && isLogLine(all[i - 1])));
    const printed = banners.slice(banners.findIndex((l) => l.startsWith('StompFunctions DevHost is running')));
    const expected = onTestPort(banner.text).replaceAll('Port=8080', `Port=${stack.port}`).trimEnd().split('\n');
    assert.deepEqual(printed.slice(0, expected.length), expected);
  });

  test('every command line of the bash blocks runs', async () => {
    for (const block of bashBlocks) {
      for (const line of commandLines(block)) {
        if (line === './scripts/test.sh') continue; // the command that runs this very test
        const { code, output } = await run('bash', ['-c', `${shellPrelude}\n${onTestPort(line)}`]);
        assert.equal(code, 0, `README command failed: ${line}\n${output}`);
      }
    }
  });

  test('the browser snippet runs in Node with ws as its WebSocket and receives its own chat message', async () => {
    const dir = path.join(repoRoot, 'test-output', 'readme');
    mkdirSync(dir, { recursive: true });
    for (const [index, block] of jsBlocks.entries()) {
      const file = path.join(dir, `snippet-${index}.mjs`);
      writeFileSync(file, `import WebSocket from 'ws';\nglobalThis.WebSocket = WebSocket;\n${onTestPort(block.text)}`);
      const line = await firstLine(file, /hello/);
      assert.match(line, /hello/);
    }
  });

  describe('in Chromium, from a second origin', { skip: !haveChromium && 'Debian chromium is not installed' }, () => {
    let server;
    let context;
    let userDataDir;
    let origin;

    before(async () => {
      const stompjs = path.join(repoRoot, 'node_modules/@stomp/stompjs');
      server = http.createServer((request, response) => {
        const url = new URL(request.url, 'http://x');
        if (url.pathname === '/') {
          response.writeHead(200, { 'content-type': 'text/html' });
          response.end('<!doctype html><script type="importmap">{"imports":{"@stomp/stompjs":"/stompjs/esm6/index.js"}}</script>'
            + `<script type="module" src="/snippet.js?i=${url.searchParams.get('i') ?? 0}"></script>`);
        } else if (url.pathname === '/snippet.js') {
          response.writeHead(200, { 'content-type': 'text/javascript' });
          response.end(onTestPort(jsBlocks[Number(url.searchParams.get('i'))].text));
        } else if (url.pathname.startsWith('/stompjs/') && !url.pathname.includes('..')) {
          const file = path.join(stompjs, url.pathname.slice('/stompjs/'.length));
          if (!existsSync(file)) { response.writeHead(404).end(); return; }
          response.writeHead(200, { 'content-type': 'text/javascript' });
          response.end(readFileSync(file));
        } else {
          response.writeHead(404).end();
        }
      });
      const port = await freePort();
      await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${port}`;
      const { chromium } = await import('playwright-core');
      userDataDir = mkdtempSync(path.join(os.tmpdir(), 'stompfunctions-readme-'));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
        timeout: 30_000,
      });
    });

    after(async () => {
      await context?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    test('the browser snippet connects through negotiate (CORS) and receives its own chat message', async () => {
      for (const index of jsBlocks.keys()) {
        const page = await context.newPage();
        const problems = [];
        page.on('pageerror', (err) => problems.push(err.message));
        const logged = new Promise((resolve) => page.on('console', (message) => {
          if (/hello/.test(message.text())) resolve(message.text());
        }));
        await page.goto(`${origin}/?i=${index}`);
        const line = await Promise.race([logged, new Promise((_, reject) => setTimeout(
          () => reject(new Error(`no chat message in the page within ${waitMs} ms; page errors: ${problems.join('; ')}`)), waitMs))]);
        assert.match(line, /hello/);
        assert.deepEqual(problems, []);
        await page.close();
      }
    });
  });
});
