// The names that tie the deployment together must agree, because nothing compiles them together:
// - main.bicep's modules get exactly the params their files declare, and `x.outputs.y` exists;
// - infra/main.parameters.json feeds existing params, from azd variables that azd, the user or the
//   postdeploy hook provide;
// - the postdeploy hooks read only variables that main.bicep outputs (or that they set themselves);
// - the app settings Bicep gives the Functions app, local.settings.sample.json and the settings
//   the code reads (src/StompFunctions.Functions/AppSettingNames.cs) name the same things.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { appSettingNames, declarations, outputReferences, parseBicep, repoRoot } from './bicep.mjs';
import { boundSections, codeSettings, hookReads, hookSets, parameterVariables } from './settings.mjs';

const read = (path) => readFileSync(join(repoRoot, path), 'utf8');
const main = 'infra/main.bicep';

// Variables azd itself puts in every environment.
const azdVariables = new Set(['AZURE_ENV_NAME', 'AZURE_LOCATION', 'AZURE_SUBSCRIPTION_ID', 'AZURE_PRINCIPAL_ID']);

// App settings the platform reads, not our code (Functions host, Azure.Identity, App Insights).
const platformSettings = new Set([
  'AzureWebJobsStorage',
  'AzureWebJobsStorage__accountName',
  'AzureWebJobsStorage__credential',
  'AzureWebJobsStorage__clientId',
  'FUNCTIONS_WORKER_RUNTIME',
  'AZURE_CLIENT_ID',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  // The logging filter of the worker's Application Insights provider (Microsoft.Extensions.Logging).
  'Logging__ApplicationInsights__LogLevel__StompFunctions',
]);

// Flex Consumption takes these from functionAppConfig; as app settings they break or are ignored.
const flexDeprecated = ['FUNCTIONS_WORKER_RUNTIME', 'FUNCTIONS_EXTENSION_VERSION', 'WEBSITE_RUN_FROM_PACKAGE',
  'WEBSITE_CONTENTSHARE', 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING', 'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'ENABLE_ORYX_BUILD', 'WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT', 'WEBSITE_TIME_ZONE', 'TZ'];

test('every module of main.bicep gets exactly the params its file declares, and every required one', async () => {
  const { modules } = declarations(await parseBicep(main));
  assert.ok(modules.length > 0);
  for (const module of modules) {
    const file = join(dirname(main), module.path);
    const { params } = declarations(await parseBicep(file));
    for (const name of module.params.keys()) {
      assert.ok(params.has(name), `${main} passes '${name}' to ${file}, which declares no such param`);
    }
    for (const [name, { hasDefault }] of params) {
      assert.ok(hasDefault || module.params.has(name), `${main} does not pass required param '${name}' of ${file}`);
    }
  }
});

test('every module output main.bicep reads is declared by that module', async () => {
  const tree = await parseBicep(main);
  const { modules } = declarations(tree);
  const bySymbol = new Map(modules.map((m) => [m.symbol, m]));
  const references = outputReferences(tree);
  assert.ok(references.length > 0);
  for (const [symbol, output] of references) {
    const module = bySymbol.get(symbol);
    assert.ok(module, `${main} reads outputs of '${symbol}', which is not a module`);
    const { outputs } = declarations(await parseBicep(join(dirname(main), module.path)));
    assert.ok(outputs.has(output), `${module.path} has no output '${output}' (read by ${main})`);
  }
});

test('main.parameters.json sets only params main.bicep declares, and every required one', async () => {
  const { params } = declarations(await parseBicep(main));
  const file = JSON.parse(read('infra/main.parameters.json'));
  for (const name of Object.keys(file.parameters)) {
    assert.ok(params.has(name), `main.parameters.json sets '${name}', which main.bicep does not declare`);
  }
  for (const [name, { hasDefault }] of params) {
    assert.ok(hasDefault || name in file.parameters, `required param '${name}' of main.bicep is not in main.parameters.json`);
  }
});

test('every azd variable main.parameters.json reads without a default comes from azd or the postdeploy hook', () => {
  const setByHooks = new Set([...hookSets(read('scripts/postdeploy.sh')), ...hookSets(read('scripts/postdeploy.ps1'))]);
  for (const { name, hasDefault } of parameterVariables(read('infra/main.parameters.json'))) {
    assert.ok(hasDefault || azdVariables.has(name) || setByHooks.has(name),
      `main.parameters.json reads \${${name}}, which nothing sets and which has no default`);
  }
});

test('the postdeploy hooks read only outputs of main.bicep, azd\'s own variables or what they set themselves, and the same set on both shells', async () => {
  const { outputs } = declarations(await parseBicep(main));
  const sh = read('scripts/postdeploy.sh');
  const ps1 = read('scripts/postdeploy.ps1');
  for (const [name, script] of [['postdeploy.sh', sh], ['postdeploy.ps1', ps1]]) {
    const own = hookSets(script);
    for (const variable of hookReads(script)) {
      assert.ok(outputs.has(variable) || own.has(variable) || azdVariables.has(variable), `${name} reads ${variable}, which main.bicep does not output`);
    }
  }
  assert.deepEqual([...hookReads(ps1)].sort(), [...hookReads(sh)].sort());
});

test('the postdeploy hooks pass the hub module exactly its params', async () => {
  const { params } = declarations(await parseBicep('infra/app/webpubsub-hub.bicep'));
  const required = [...params].filter(([, p]) => !p.hasDefault).map(([name]) => name).sort();
  const sh = [...read('scripts/postdeploy.sh').matchAll(/^ {4}"(\w+)": \{ "value"/gm)].map(([, name]) => name).sort();
  const ps1 = [...read('scripts/postdeploy.ps1').matchAll(/^ {12}(\w+) += @\{ value =/gm)].map(([, name]) => name).sort();
  assert.deepEqual(sh, required);
  assert.deepEqual(ps1, required);
  assert.match(read('scripts/postdeploy.sh'), /--template-file "\$\(dirname "\$0"\)\/\.\.\/infra\/app\/webpubsub-hub\.bicep"/);
  assert.match(read('scripts/postdeploy.ps1'), /'\.\.\/infra\/app\/webpubsub-hub\.bicep'/);
});

test('azure.yaml deploys service api from the Functions project to the app tagged azd-service-name api', () => {
  const yaml = read('azure.yaml');
  assert.match(yaml, /^services:\n {2}api:\n {4}project: \.\/src\/StompFunctions\.Functions\/\n/m);
  assert.match(yaml, /host: function/);
  assert.match(read('infra/app/function.bicep'), /'azd-service-name': 'api'/);
  assert.match(yaml, /run: \.\/scripts\/postdeploy\.sh/);
  assert.match(yaml, /run: \.\/scripts\/postdeploy\.ps1/);
});

test('azure.yaml forgets the upstream key after azd down on both shells, so the next provision adds no handler for an app without code', () => {
  const yaml = read('azure.yaml');
  const postdown = /^ {2}postdown:\n((?: {4}.*\n)+)/m.exec(yaml)?.[1] ?? '';
  assert.equal([...postdown.matchAll(/run: azd env set STOMP_UPSTREAM_KEY ""$/gm)].length, 2, postdown);
  assert.match(read('infra/app/webpubsub-hub.bicep'), /eventHandlers: empty\(upstreamKey\) \? \[\] :/);
});

test('the Functions app settings in Bicep are read by the code or by the platform, and none is deprecated on Flex', async () => {
  const settings = appSettingNames(await parseBicep('infra/app/function.bicep'));
  const names = read('src/StompFunctions.Functions/AppSettingNames.cs');
  const code = codeSettings(names);
  // Any key of a section bound to an options class (functions.test.mjs checks the key is one of its properties).
  const sections = boundSections(names);
  assert.ok(settings.length > 0);
  for (const name of settings) {
    assert.ok(code.has(name) || sections.has(name.split('__')[0]) || platformSettings.has(name) && name !== 'FUNCTIONS_WORKER_RUNTIME',
      `Bicep sets app setting '${name}', which neither the code nor the platform reads`);
    assert.ok(!flexDeprecated.includes(name), `'${name}' must not be an app setting on Flex Consumption`);
  }
});

test('every setting the code requires in Azure is set by Bicep', async () => {
  const settings = new Set(appSettingNames(await parseBicep('infra/app/function.bicep')));
  for (const [name, { requiredInAzure }] of codeSettings(read('src/StompFunctions.Functions/AppSettingNames.cs'))) {
    assert.ok(!requiredInAzure || settings.has(name), `the code requires '${name}' but Bicep does not set it`);
  }
});

test('local.settings.sample.json sets only settings the code or the local host reads, and every one the code requires', () => {
  const sample = JSON.parse(read('local.settings.sample.json'));
  const code = codeSettings(read('src/StompFunctions.Functions/AppSettingNames.cs'));
  for (const name of Object.keys(sample.Values)) {
    assert.ok(code.has(name) || platformSettings.has(name), `local.settings.sample.json sets '${name}', which nothing reads`);
  }
  assert.equal(sample.Values.FUNCTIONS_WORKER_RUNTIME, 'dotnet-isolated');
  for (const [name, { requiredLocally }] of code) {
    assert.ok(!requiredLocally || name in sample.Values, `the code requires '${name}' but local.settings.sample.json lacks it`);
  }
});
