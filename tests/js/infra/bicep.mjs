// Reads Bicep files with the tree-sitter Bicep grammar and answers the questions the cross-file
// checks ask: which params, outputs, modules and app settings a file declares. Compiling and
// linting is the real Bicep compiler's job (tests/StompFunctions.Infra.Tests).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

let parserPromise;

/** One parser for the whole run: loading the grammar's .wasm is the slow part. */
export function bicepParser() {
  parserPromise ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const language = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

export async function parseBicep(file) {
  const parser = await bicepParser();
  return parser.parse(readFileSync(join(repoRoot, file), 'utf8'));
}

const declarationName = (node) => node.namedChildren.find((c) => c.type === 'identifier')?.text;

/** The text of a string literal node without quotes, or undefined when it interpolates. */
function literal(node) {
  if (node?.type !== 'string') {
    return undefined;
  }
  if (node.namedChildren.some((c) => c.type === 'interpolation')) {
    return undefined;
  }
  return node.namedChildren.map((c) => c.text).join('');
}

function objectProperties(objectNode) {
  const properties = new Map();
  for (const property of objectNode?.namedChildren ?? []) {
    if (property.type !== 'object_property') {
      continue;
    }
    const [key, value] = property.namedChildren;
    const name = key.type === 'string' ? literal(key) : key.text;
    properties.set(name, value);
  }
  return properties;
}

/** Top-level declarations of one file: params (with whether they have a default), outputs, modules. */
export function declarations(tree) {
  const params = new Map();
  const outputs = new Set();
  const modules = [];
  for (const node of tree.rootNode.namedChildren) {
    if (node.type === 'parameter_declaration') {
      // identifier, type, then the default value when there is one
      params.set(declarationName(node), { hasDefault: node.namedChildren.length > 2 });
    } else if (node.type === 'output_declaration') {
      outputs.add(declarationName(node));
    } else if (node.type === 'module_declaration') {
      const [, path, body] = node.namedChildren;
      const passed = objectProperties(objectProperties(body).get('params'));
      modules.push({ symbol: declarationName(node), path: literal(path), params: passed });
    }
  }
  return { params, outputs, modules };
}

/** Every `name.outputs.member` reference in a file, as [name, member] pairs. */
export function outputReferences(tree) {
  const references = [];
  const walk = (node) => {
    if (node.type === 'member_expression') {
      const inner = node.childForFieldName('object');
      const member = node.childForFieldName('property');
      if (inner?.type === 'member_expression' && inner.childForFieldName('property')?.text === 'outputs') {
        references.push([inner.childForFieldName('object').text, member.text]);
      }
    }
    for (const child of node.namedChildren) {
      walk(child);
    }
  };
  walk(tree.rootNode);
  return references;
}

/** The literal objects of an app settings value: the object itself, or the object arguments of `union(…)`. */
function settingObjects(node) {
  if (node?.type === 'object') {
    return [node];
  }
  if (node?.type === 'call_expression' && node.namedChildren[0]?.text === 'union') {
    return node.namedChildren[1].namedChildren.filter((c) => c.type === 'object');
  }
  return [];
}

/** Names of the literal app settings a `config` child resource named 'appsettings' declares (generated ones aside). */
export function appSettingNames(tree) {
  const names = [];
  const walk = (node) => {
    if (node.type === 'resource_declaration') {
      const [, type, body] = node.namedChildren;
      const properties = objectProperties(body);
      if (literal(type) === 'config' && literal(properties.get('name')) === 'appsettings') {
        names.push(...settingObjects(properties.get('properties')).flatMap((o) => [...objectProperties(o).keys()]));
      }
    }
    for (const child of node.namedChildren) {
      walk(child);
    }
  };
  walk(tree.rootNode);
  return names;
}
