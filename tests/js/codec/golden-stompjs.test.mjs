// The codec's golden frames, read by stompjs's own Parser: every canonical file (which is exactly what our
// writer produces) must come out as the same commands, header counts and body bytes, so the dominant
// browser client reads what we write. Also checks that the stompjs comparison script of
// bench/stompjs-parser still runs and counts frames the way the benchmark expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { Parser } from '@stomp/stompjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const golden = join(root, 'tests', 'StompFunctions.Protocol.Tests', 'Golden');

function parseWithStompjs(bytes) {
  const frames = [];
  const parser = new Parser((frame) => frames.push(frame), () => {});
  parser.parseChunk(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return frames;
}

function expectedBody(frame) {
  if (frame.bodyBase64 !== undefined) return Buffer.from(frame.bodyBase64, 'base64');
  return Buffer.from(frame.body ?? '', 'utf8');
}

const canonical = readdirSync(golden)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name: name.slice(0, -5), doc: JSON.parse(readFileSync(join(golden, name), 'utf8')) }))
  .filter(({ doc }) => doc.canonical);

test('there are canonical golden frames to check', () => {
  assert.ok(canonical.length >= 10, `only ${canonical.length} canonical golden files`);
});

for (const { name, doc } of canonical) {
  test(`stompjs reads golden frame ${name} as we decode it`, () => {
    const frames = parseWithStompjs(readFileSync(join(golden, `${name}.stomp`)));
    assert.equal(frames.length, doc.frames.length);
    doc.frames.forEach((expected, i) => {
      assert.equal(frames[i].command, expected.command);
      assert.equal(frames[i].headers.length, expected.headers.length);
      assert.deepEqual(Buffer.from(frames[i].binaryBody), expectedBody(expected));
    });
  });
}

test('the stompjs benchmark script parses a corpus and reports frames per pass', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stomp-corpus-'));
  try {
    const frame = readFileSync(join(golden, 'send-simple.stomp'));
    const corpus = join(dir, 'corpus.stomp');
    writeFileSync(corpus, Buffer.concat([frame, frame, frame]));
    const output = execFileSync(process.execPath, [join(root, 'bench', 'stompjs-parser', 'parse-corpus.mjs'), corpus, '0.05'], {
      cwd: root,
      timeout: 30_000,
    });
    const result = JSON.parse(output.toString());
    assert.equal(result.framesPerPass, 3);
    assert.ok(result.frames > 0 && result.framesPerSecond > 0 && result.framesPerCpuSecond > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
