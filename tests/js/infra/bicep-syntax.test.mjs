// No Bicep compiler is obtainable here, so every .bicep file is at least parsed with the
// tree-sitter Bicep grammar: a typo, an unclosed brace or a stray token fails here, not in `azd up`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bicepFiles, parseBicep, syntaxProblems } from './bicep.mjs';

test('the infrastructure has Bicep files to check', () => {
  assert.ok(bicepFiles().includes('infra/main.bicep'), 'infra/main.bicep is missing');
});

for (const file of bicepFiles()) {
  test(`${file} parses with the Bicep grammar without ERROR or MISSING nodes`, async () => {
    const problems = syntaxProblems(await parseBicep(file));
    assert.deepEqual(problems, []);
  });
}

test('the syntax check notices a broken file', async () => {
  const { bicepParser } = await import('./bicep.mjs');
  const parser = await bicepParser();
  const tree = parser.parse("param a string = 'x'\nresource r 'Microsoft.Web/sites@2024-04-01' = {\n  name: a\n");
  assert.notDeepEqual(syntaxProblems(tree), []);
});
