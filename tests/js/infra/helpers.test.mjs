// The checks are only as good as what their readers extract, so the readers are tested on small
// inputs whose answers are known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appSettingNames, bicepParser, declarations, outputReferences } from './bicep.mjs';
import { parseJsonc } from './jsonc.mjs';
import { boundSections, codeSettings, hookReads, hookSets, parameterVariables, settableProperties } from './settings.mjs';

const bicep = `
param required string
param optional int = 3
@secure()
param key string = ''
module m 'app/m.bicep' = {
  name: 'm'
  params: { a: required, 'b': optional }
}
resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'x'
  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      One__Key: m.outputs.first
      TWO: '\${m.outputs.second}'
    }
  }
}
output OUT string = m.outputs.first
`;

test('declarations find params with and without defaults, outputs and module params', async () => {
  const tree = (await bicepParser()).parse(bicep);
  const { params, outputs, modules } = declarations(tree);
  assert.deepEqual([...params].map(([n, p]) => [n, p.hasDefault]), [['required', false], ['optional', true], ['key', true]]);
  assert.deepEqual([...outputs], ['OUT']);
  assert.equal(modules[0].symbol, 'm');
  assert.equal(modules[0].path, 'app/m.bicep');
  assert.deepEqual([...modules[0].params.keys()], ['a', 'b']);
});

test('app settings and module output references are found, also inside interpolations', async () => {
  const tree = (await bicepParser()).parse(bicep);
  assert.deepEqual(appSettingNames(tree), ['One__Key', 'TWO']);
  assert.deepEqual(outputReferences(tree).map((r) => r.join('.')).sort(), ['m.first', 'm.first', 'm.second']);
});

test('app settings written as union(literal, generated) are the literal object\'s names', async () => {
  const tree = (await bicepParser()).parse(`resource s 'Microsoft.Web/sites@2024-04-01' = {
  name: 'x'
  resource settings 'config' = {
    name: 'appsettings'
    properties: union({
      A__B: 'a'
    }, generated, { C: 'c' })
  }
}`);
  assert.deepEqual(appSettingNames(tree), ['A__B', 'C']);
});

test('azd variables, hook reads and hook writes are extracted', () => {
  assert.deepEqual(parameterVariables('{"a":"${A}","b":"${B=x}"}'), [{ name: 'A', hasDefault: false }, { name: 'B', hasDefault: true }]);
  assert.deepEqual([...hookReads(': "${ONE:?x}"\necho "${TWO:-}" "${THREE#https://}"')], ['ONE', 'TWO', 'THREE']);
  assert.deepEqual([...hookReads("foreach ($name in 'A_B', 'C') {}\n$values['D']")].sort(), ['A_B', 'C', 'D']);
  assert.deepEqual([...hookSets('azd env set KEY "$key"')], ['KEY']);
});

test('code settings carry their requirement markers and become Section__Key names', () => {
  const settings = codeSettings(`
    // [RequiredInAzure] x
    public const string A = "S:Key";
    // [RequiredLocally] y
    public const string B = "FLAT_NAME";
    public const string Section = "S";
  `);
  assert.deepEqual([...settings], [
    ['S__Key', { requiredInAzure: true, requiredLocally: false }],
    ['FLAT_NAME', { requiredInAzure: false, requiredLocally: true }],
    ['S', { requiredInAzure: false, requiredLocally: false }],
  ]);
});

test('sections name their options class, whose settable properties are listed', () => {
  assert.deepEqual([...boundSections('/// <summary>Section bound to <see cref="A.B.Options"/>.</summary>\n    public const string XSection = "X";')], [['X', 'Options']]);
  assert.deepEqual([...settableProperties('public string? A { get; set; }\npublic Uri? B { get; init; }\npublic int C { get; }')], ['A', 'B']);
});

test('JSONC comments and trailing commas are dropped, URLs in strings kept', () => {
  assert.deepEqual(parseJsonc('{ // c\n "u": "http://x/*y*/", /* d */ "a": [1,], }'), { u: 'http://x/*y*/', a: [1] });
});
