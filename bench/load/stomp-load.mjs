#!/usr/bin/env node
// Load and loss against the local stack (a benchmark, not a test): connect storm, one-to-one
// latency, 50 publishers x 50 subscribers, fan-out to 1,000 subscribers. It starts the DevHost
// (built in Release) on a free loopback port, runs bounded scenarios, reports lost and duplicated
// messages (which must be zero: the exit code is 1 otherwise) and writes the numbers as JSON.
//
//   dotnet build src/StompFunctions.DevHost -c Release
//   node bench/load/stomp-load.mjs [--scenario all|connect|latency|throughput|fanout]
//        [--connections 500] [--latency-messages 300] [--publishers 50] [--subscribers 50]
//        [--per-publisher 40] [--fanout-subscribers 1000] [--fanout-messages 20]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WebPubSubServiceClient } from '@azure/web-pubsub';
import { repoRoot, startStack } from '../../tests/js/e2e/support/stack.mjs';
import { WireClient, pooled } from './stomp-wire.mjs';

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'all' },
    connections: { type: 'string', default: '500' },
    'latency-messages': { type: 'string', default: '300' },
    publishers: { type: 'string', default: '50' },
    subscribers: { type: 'string', default: '50' },
    'per-publisher': { type: 'string', default: '40' },
    'fanout-subscribers': { type: 'string', default: '1000' },
    'fanout-messages': { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '50' },
    out: { type: 'string', default: path.join(repoRoot, 'test-output/load/results.json') },
  },
});
const num = (name) => Number.parseInt(args[name], 10);
const concurrency = num('concurrency');
const phaseTimeoutMs = 120_000;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 100) / 100;
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
}

/** Waits, bounded, until `done()` is true, checking every 20 ms. */
async function until(done, what, timeoutMs = phaseTimeoutMs) {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function restCalls(stack) {
  const response = await fetch(`${stack.baseUrl}/devhost/stats`);
  if (!response.ok) return NaN;
  return (await response.json()).restCalls;
}

/** Per (subscriber, publisher) the sequence numbers must arrive once each and in order. */
function tally(received, expectedPerSender) {
  let lost = 0;
  let duplicated = 0;
  let outOfOrder = 0;
  for (const bySender of received) {
    for (const [sender, seqs] of bySender) {
      const seen = new Set();
      let last = -1;
      for (const seq of seqs) {
        if (seen.has(seq)) duplicated++;
        else seen.add(seq);
        if (seq < last) outOfOrder++;
        last = seq;
      }
      lost += expectedPerSender(sender) - seen.size;
    }
  }
  return { lost, duplicated, outOfOrder };
}

async function subscribeAll(url, count, destination) {
  const received = [];
  const clients = await pooled(count, concurrency, async (i) => {
    const client = await WireClient.connect(url);
    received[i] = new Map();
    await client.sendConfirmed('SUBSCRIBE', { id: 'sub-0', destination });
    return client;
  });
  return { clients, received };
}

async function connectStorm(url, count) {
  const started = performance.now();
  const latencies = [];
  const clients = await pooled(count, concurrency, async () => {
    const t0 = performance.now();
    const client = await WireClient.connect(url);
    latencies.push(performance.now() - t0);
    return client;
  });
  const seconds = (performance.now() - started) / 1000;
  clients.forEach((c) => c.close());
  return { connections: count, concurrency, seconds: Math.round(seconds * 100) / 100, connectsPerSecond: Math.round(count / seconds), connectMs: summary(latencies) };
}

async function latency(url, messages) {
  const destination = `/topic/load.latency.${Date.now()}`;
  const subscriber = await WireClient.connect(url);
  const publisher = await WireClient.connect(url);
  await subscriber.sendConfirmed('SUBSCRIBE', { id: 'sub-0', destination });
  const samples = [];
  const seqs = [];
  let arrived;
  subscriber.onMessage = (frame, at) => {
    seqs.push(Number(frame.headers['x-seq']));
    samples.push(at - Number(frame.headers['x-sent']));
    arrived?.();
  };
  for (let seq = 0; seq < messages; seq++) {
    const got = new Promise((resolve) => { arrived = resolve; });
    publisher.send('SEND', { destination, 'x-seq': seq, 'x-sent': performance.now() }, 'ping');
    await Promise.race([got, new Promise((_, reject) => setTimeout(() => reject(new Error(`message ${seq} did not arrive`)), 10_000))]);
  }
  const loss = tally([new Map([['p', seqs]])], () => messages);
  subscriber.close();
  publisher.close();
  return { messages, latencyMs: summary(samples), ...loss };
}

async function throughput(url, publishers, subscribers, perPublisher) {
  const destination = `/topic/load.throughput.${Date.now()}`;
  const { clients: subs, received } = await subscribeAll(url, subscribers, destination);
  let deliveries = 0;
  subs.forEach((client, i) => {
    client.onMessage = (frame) => {
      deliveries++;
      const sender = frame.headers['x-pub'];
      let list = received[i].get(sender);
      if (!list) received[i].set(sender, (list = []));
      list.push(Number(frame.headers['x-seq']));
    };
  });
  const pubs = await pooled(publishers, concurrency, () => WireClient.connect(url));
  const expected = publishers * perPublisher * subscribers;
  const started = performance.now();
  pubs.forEach((client, p) => {
    for (let seq = 0; seq < perPublisher; seq++) client.send('SEND', { destination, 'x-pub': `p${p}`, 'x-seq': seq }, 'payload-0123456789');
  });
  await until(() => deliveries >= expected, `${expected} deliveries (have ${deliveries})`).catch((err) => console.error(err.message));
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  // A sender no subscriber heard from at all is lost entirely: list every expected sender.
  received.forEach((bySender) => { for (let p = 0; p < publishers; p++) if (!bySender.has(`p${p}`)) bySender.set(`p${p}`, []); });
  const loss = tally(received, () => perPublisher);
  [...subs, ...pubs].forEach((c) => c.close());
  return {
    publishers, subscribers, perPublisher, published: publishers * perPublisher, deliveries,
    seconds: Math.round(seconds * 100) / 100,
    publishedPerSecond: Math.round((publishers * perPublisher) / seconds),
    deliveriesPerSecond: Math.round(deliveries / seconds), ...loss,
  };
}

async function fanout(stack, url, subscribers, messages) {
  const destination = `/topic/load.fanout.${Date.now()}`;
  const { clients: subs, received } = await subscribeAll(url, subscribers, destination);
  const samples = [];
  let deliveries = 0;
  subs.forEach((client, i) => {
    client.onMessage = (frame, at) => {
      deliveries++;
      samples.push(at - Number(frame.headers['x-sent']));
      let list = received[i].get('p');
      if (!list) received[i].set('p', (list = []));
      list.push(Number(frame.headers['x-seq']));
    };
  });
  const publisher = await WireClient.connect(url);
  const before = await restCalls(stack);
  for (let seq = 0; seq < messages; seq++) {
    const target = (seq + 1) * subscribers;
    publisher.send('SEND', { destination, 'x-seq': seq, 'x-sent': performance.now() }, 'fan-out');
    // One message at a time, so the p99 is delivery latency rather than queueing behind earlier ones.
    await until(() => deliveries >= target, `message ${seq} to reach ${subscribers} subscribers`, 30_000)
      .catch((err) => console.error(err.message));
  }
  await new Promise((r) => setTimeout(r, 500));
  const after = await restCalls(stack);
  received.forEach((bySender) => { if (!bySender.has('p')) bySender.set('p', []); });
  const loss = tally(received, () => messages);
  [...subs, publisher].forEach((c) => c.close());
  return {
    subscribers, messages, deliveries,
    restCallsPerMessage: Math.round(((after - before) / messages) * 100) / 100,
    deliveryMs: summary(samples), ...loss,
  };
}

const stack = await startStack();
const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`,
  loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  scenarios: {},
};
let exitCode = 0;
try {
  const service = new WebPubSubServiceClient(stack.connectionString, stack.hub);
  const { url } = await service.getClientAccessToken({ expirationTimeInMinutes: 60 });
  const want = (name) => args.scenario === 'all' || args.scenario === name;
  if (want('connect')) {
    results.scenarios.connectStorm = await connectStorm(url, num('connections'));
    console.log('connect storm', results.scenarios.connectStorm);
  }
  if (want('latency')) {
    results.scenarios.latency = await latency(url, num('latency-messages'));
    console.log('latency', results.scenarios.latency);
  }
  if (want('throughput')) {
    results.scenarios.throughput = await throughput(url, num('publishers'), num('subscribers'), num('per-publisher'));
    console.log('throughput', results.scenarios.throughput);
  }
  if (want('fanout')) {
    results.scenarios.fanout = await fanout(stack, url, num('fanout-subscribers'), num('fanout-messages'));
    console.log('fan-out', results.scenarios.fanout);
  }
  for (const [name, r] of Object.entries(results.scenarios)) {
    if ((r.lost ?? 0) > 0 || (r.duplicated ?? 0) > 0 || (r.outOfOrder ?? 0) > 0) {
      console.error(`${name}: ${r.lost} lost, ${r.duplicated} duplicated, ${r.outOfOrder} out of order — must all be zero`);
      exitCode = 1;
    }
  }
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  await stack.stop();
}
mkdirSync(path.dirname(args.out), { recursive: true });
writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n');
console.log(`results written to ${path.relative(process.cwd(), args.out)}`);
process.exit(exitCode);
