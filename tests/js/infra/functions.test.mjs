// The names the Functions app shares with the rest of the deployment, checked from its sources
// (tests/StompFunctions.Functions.Tests checks the compiled app): function names and routes against the hub's
// urlTemplate and the postdeploy hooks, and every Section__Key setting against the options class
// its section binds (the classes live in the libraries CI does compile).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { appSettingNames, parseBicep, repoRoot } from './bicep.mjs';
import { boundSections, collectionProperties, settableProperties } from './settings.mjs';

const read = (path) => readFileSync(join(repoRoot, path), 'utf8');
const functionsDir = 'src/StompFunctions.Functions';
const appSettings = read(`${functionsDir}/AppSettingNames.cs`);
const functionNames = new Map([...read(`${functionsDir}/FunctionNames.cs`).matchAll(/const string (\w+) = "([^"]+)";/g)].map(([, k, v]) => [k, v]));
const triggers = readdirSync(join(repoRoot, functionsDir, 'Triggers')).map((f) => read(`${functionsDir}/Triggers/${f}`));

function findClass(name) {
  const walk = (dir) => {
    for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory() && !['bin', 'obj'].includes(entry.name)) {
        const found = walk(path);
        if (found) {
          return found;
        }
      } else if (entry.name === `${name}.cs`) {
        return path;
      }
    }
    return undefined;
  };
  return walk('src');
}

function trigger(functionConstant) {
  const source = triggers.find((t) => t.includes(`[Function(FunctionNames.${functionConstant})]`));
  assert.ok(source, `no trigger is named FunctionNames.${functionConstant}`);
  return source;
}

test('every trigger is named by a FunctionNames constant, each name once', () => {
  const used = triggers.flatMap((t) => [...t.matchAll(/\[Function\(FunctionNames\.(\w+)\)\]/g)].map(([, n]) => n));
  assert.deepEqual([...used].sort(), [...functionNames.keys()].sort());
});

test('the hub urlTemplate calls the upstream function at its route, under host.json\'s route prefix', async () => {
  const route = /Route = "([^"/]+)\/\{evt\?\}"/.exec(trigger('WebPubSub'))?.[1];
  const prefix = JSON.parse(read('host.json')).extensions.http.routePrefix;
  assert.match(trigger('WebPubSub'), /AuthorizationLevel\.Function, "post", "options"/);
  assert.ok(read('infra/app/webpubsub-hub.bicep').includes(`/${prefix}/${route}/{event}`), 'webpubsub-hub.bicep calls another path');
  const emulator = read('.vscode/tasks.json');
  assert.ok(emulator.includes(`localhost:7071/${prefix}/${route}/{event}`), 'the emulator task calls another path');
});

test('the postdeploy hooks key the upstream function by its name', () => {
  const name = functionNames.get('WebPubSub');
  assert.match(read('scripts/postdeploy.sh'), new RegExp(`upstream_function="${name}"`));
  assert.match(read('scripts/postdeploy.ps1'), new RegExp(`\\$upstreamFunction = '${name}'`));
});

test('the negotiate output of main.bicep is the negotiate function\'s route', () => {
  const route = /Route = "([^"]+)"/.exec(trigger('Negotiate'))[1];
  assert.match(read('infra/main.bicep'), new RegExp(`/api/${route}'`));
});

test('the collector timer reads its schedule from the setting Bicep and the sample provide', async () => {
  assert.match(trigger('Collector'), /TimerTrigger\("%" \+ AppSettingNames\.CollectorSchedule \+ "%"\)/);
  assert.ok(appSettingNames(await parseBicep('infra/app/function.bicep')).includes('COLLECTOR_SCHEDULE'));
});

test('every Section__Key setting in Bicep and the local sample is a bindable property of the options class its section binds', async () => {
  const sections = boundSections(appSettings);
  assert.deepEqual([...sections.keys()].sort(), ['ClientAuthentication', 'DestinationRules', 'EventGrid', 'Stomp', 'Tables', 'WebPubSub']);
  const properties = new Map();
  for (const [section, type] of sections) {
    const file = findClass(type);
    assert.ok(file, `options class ${type} of section ${section} not found under src/`);
    const source = read(file);
    properties.set(section, new Set([...settableProperties(source), ...collectionProperties(source)]));
  }

  const settings = [
    ...appSettingNames(await parseBicep('infra/app/function.bicep')),
    ...Object.keys(JSON.parse(read('local.settings.sample.json')).Values),
    ...[...appSettings.matchAll(/const string \w+ = "(\w+):(\w+)/g)].map(([, s, k]) => `${s}__${k}`),
  ];
  let checked = 0;
  for (const setting of settings) {
    const [section, key] = setting.split('__');
    if (key !== undefined && sections.has(section)) {
      assert.ok(properties.get(section).has(key), `${setting}: ${sections.get(section)} has no settable property ${key}`);
      checked++;
    }
  }
  assert.ok(checked >= 8, `only ${checked} section settings checked`);
});

test('the destination rules Bicep generates are the indexed form of DestinationRulesOptions.Rules', () => {
  // DestinationRules__Rules__{i}__Pattern, __Subscribe__{j}, __Send__{j} (not literal keys, so not in the check above).
  const bicep = read('infra/app/function.bicep');
  for (const key of ['Pattern', 'Subscribe', 'Send']) {
    assert.match(bicep, new RegExp(`'DestinationRules__Rules__\\$\\{i\\}__${key}`));
  }
  const rule = read(findClass('DestinationRuleOptions'));
  const ruleProperties = new Set([...settableProperties(rule), ...collectionProperties(rule)]);
  assert.deepEqual(['Pattern', 'Subscribe', 'Send'].filter((p) => ruleProperties.has(p)), ['Pattern', 'Subscribe', 'Send']);
  assert.ok(settableProperties(read(findClass('DestinationRulesOptions'))).has('Rules'));
});

test('the Functions project and its tests are in the solution and in the CI filter', () => {
  assert.match(read('StompFunctions.sln'), /src\\StompFunctions\.Functions\\StompFunctions\.Functions\.csproj/);
  assert.match(read('StompFunctions.Ci.slnf'), /src\/StompFunctions\.Functions\/StompFunctions\.Functions\.csproj/);
  assert.match(read('StompFunctions.Ci.slnf'), /StompFunctions\.Functions\.Tests\.csproj/);
  assert.match(read('StompFunctions.Ci.slnf'), /StompFunctions\.Hosting\.Tests\.csproj/);
  assert.match(read('StompFunctions.Ci.slnf'), /StompFunctions\.EventGrid\.Tests\.csproj/);
});

test('host.json logs nothing per invocation at Information except the request record (every upstream event is an invocation)', () => {
  const levels = JSON.parse(read('host.json')).logging.logLevel;
  assert.equal(levels.Function, 'Warning', 'the host\'s Executing/Executed lines would be two log lines per STOMP frame');
  assert.equal(levels['Host.Results'], 'Information', 'one request record per invocation is the monitoring signal, documented in docs/azure-deployment.md');
});
