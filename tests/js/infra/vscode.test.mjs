// The VS Code workspace files reference each other and the repository by name: task labels,
// project paths, the Functions build output. A rename elsewhere breaks F5 silently, so check.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './bicep.mjs';
import { parseJsonc } from './jsonc.mjs';

const read = (path) => parseJsonc(readFileSync(join(repoRoot, path), 'utf8'));
const tasks = read('.vscode/tasks.json').tasks;
const labels = new Set(tasks.map((t) => t.label));
const functionsProject = 'src/StompFunctions.Functions/StompFunctions.Functions.csproj';

test('the recommended extensions are Azure Functions, C#, Bicep and Azurite', () => {
  const { recommendations } = read('.vscode/extensions.json');
  for (const id of ['ms-azuretools.vscode-azurefunctions', 'ms-dotnettools.csharp', 'ms-azuretools.vscode-bicep', 'Azurite.azurite']) {
    assert.ok(recommendations.includes(id), `${id} is not recommended`);
  }
});

test('every task dependency and launch preLaunchTask names an existing task', () => {
  for (const task of tasks) {
    for (const dependency of [task.dependsOn ?? []].flat()) {
      assert.ok(labels.has(dependency), `task '${task.label}' depends on unknown task '${dependency}'`);
    }
  }
  for (const configuration of read('.vscode/launch.json').configurations) {
    if (configuration.preLaunchTask) {
      assert.ok(labels.has(configuration.preLaunchTask), `launch '${configuration.name}' runs unknown task '${configuration.preLaunchTask}'`);
    }
  }
});

test('func host start runs in the Functions build output, where the project puts host.json', () => {
  const start = tasks.find((t) => t.type === 'func' && t.command === 'host start');
  assert.ok(start, 'no func host start task');
  const csproj = readFileSync(join(repoRoot, functionsProject), 'utf8');
  const framework = /<TargetFramework>([^<]+)<\/TargetFramework>/.exec(csproj)?.[1]
    ?? /<TargetFramework>([^<]+)<\/TargetFramework>/.exec(readFileSync(join(repoRoot, 'Directory.Build.props'), 'utf8'))[1];
  assert.equal(start.options.cwd, `\${workspaceFolder}/src/StompFunctions.Functions/bin/Debug/${framework}`);
  assert.match(csproj, /Include="\.\.\/\.\.\/host\.json"/);
  assert.match(csproj, /Link="host\.json"/);
  assert.ok(start.dependsOn.includes('azurite: start') && start.dependsOn.includes('emulator: start'));
});

test('the attach configuration attaches to the isolated worker the func task starts', () => {
  const attach = read('.vscode/launch.json').configurations.find((c) => c.request === 'attach');
  assert.equal(attach.type, 'coreclr');
  assert.equal(attach.processId, '${command:azureFunctions.pickProcess}');
  assert.equal(attach.preLaunchTask, 'func: host start');
});

test('tasks and settings point at projects that exist', () => {
  const settings = read('.vscode/settings.json');
  assert.ok(existsSync(join(repoRoot, settings['azureFunctions.projectSubpath'])));
  for (const task of tasks) {
    const text = JSON.stringify(task);
    for (const [, project] of text.matchAll(/(?:\$\{workspaceFolder\}\/|--project )(src\/[A-Za-z.]+)/g)) {
      assert.ok(existsSync(join(repoRoot, project)), `task '${task.label}' uses missing ${project}`);
    }
  }
});

test('the background tasks wait for the lines their programs print when ready', () => {
  const devHost = tasks.find((t) => t.label === 'local stack (no Functions)');
  assert.ok(readFileSync(join(repoRoot, 'src/StompFunctions.DevHost/DevHostBanner.cs'), 'utf8').includes(devHost.problemMatcher.background.endsPattern));
  const emulator = tasks.find((t) => t.label === 'emulator: start');
  assert.ok(readFileSync(join(repoRoot, 'src/StompFunctions.Emulator/Program.cs'), 'utf8').includes(emulator.problemMatcher.background.endsPattern));
});

test('the local settings sample holds the public development key of the emulator and no other secret', () => {
  const emulatorKey = /DevelopmentAccessKey = "([^"]+)"/.exec(readFileSync(join(repoRoot, 'src/StompFunctions.Emulator/WebPubSubEmulatorOptions.cs'), 'utf8'))[1];
  const sample = JSON.parse(readFileSync(join(repoRoot, 'local.settings.sample.json'), 'utf8'));
  assert.match(sample.Values.WebPubSub__ConnectionString, new RegExp(`^Endpoint=http://localhost:8080;AccessKey=${emulatorKey};Version=1\\.0;$`));
  assert.equal(sample.Values.Tables__ConnectionString, 'UseDevelopmentStorage=true');
  assert.equal(sample.Values.AzureWebJobsStorage, 'UseDevelopmentStorage=true');
  for (const [name, value] of Object.entries(sample.Values)) {
    assert.ok(!/AccountKey=|SharedAccessSignature=|sig=/i.test(value), `${name} holds a secret`);
  }
});

test('the emulator task sends upstream events to the route of the upstream function', () => {
  const emulator = tasks.find((t) => t.label === 'emulator: start');
  assert.match(emulator.command, /--hub stomp/);
  assert.match(emulator.command, /--upstream 'http:\/\/localhost:7071\/api\/webpubsub\/\{event\}'/);
  const sample = JSON.parse(readFileSync(join(repoRoot, 'local.settings.sample.json'), 'utf8'));
  assert.equal(sample.Host.LocalHttpPort, 7071);
  assert.equal(sample.Values.WebPubSub__Hub, 'stomp');
});
