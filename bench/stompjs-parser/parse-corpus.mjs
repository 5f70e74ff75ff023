// Parses a corpus file of back-to-back STOMP frames with stompjs's own Parser, over and over for a
// fixed time, and prints one JSON line: frames per pass, passes, frames parsed, wall seconds, CPU
// seconds of the process, frames per wall second and per CPU second (the fair figure on a loaded machine).
// Called by `dotnet run --project bench/StompFunctions.Benchmarks -c Release -- --compare-stompjs`,
// which parses the same bytes with our reader; run alone: node parse-corpus.mjs FILE [SECONDS].
import { readFileSync } from 'node:fs';
import { Parser } from '@stomp/stompjs';

const [file, secondsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node parse-corpus.mjs CORPUS_FILE [SECONDS]');
  process.exit(2);
}
const seconds = Number(secondsArg ?? 3);
const bytes = readFileSync(file);
// An ArrayBuffer holding exactly the corpus, as a binary WebSocket message would arrive.
const chunk = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

let frames = 0;
const parser = new Parser(() => { frames++; }, () => {});

parser.parseChunk(chunk);
const framesPerPass = frames;

// Warm up so the JIT has optimised the parser before we measure.
const warmupEnd = performance.now() + 500;
while (performance.now() < warmupEnd) parser.parseChunk(chunk);

frames = 0;
let passes = 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
const end = start + seconds * 1000;
while (performance.now() < end) {
  parser.parseChunk(chunk);
  passes++;
}
const elapsed = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(JSON.stringify({
  framesPerPass, passes, frames, seconds: elapsed, cpuSeconds,
  framesPerSecond: frames / elapsed, framesPerCpuSecond: frames / cpuSeconds,
}));
