// Extracts setting and variable names from the files that are not Bicep: the C# constants of the
// app settings, main.parameters.json and the postdeploy hooks.

/**
 * Settings the Functions app reads, from AppSettingNames.cs: every `const string X = "a:b"` is a
 * setting, written as the app setting `a__b`. A `[RequiredInAzure]`/`[RequiredLocally]` comment
 * marker in the comment right above tells where the app cannot start without it.
 */
export function codeSettings(source) {
  const settings = new Map();
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /const string \w+ = "([^"]+)";/.exec(lines[i]);
    if (!match || !match[1].includes(':') && !/^[A-Za-z_]+$/.test(match[1])) {
      continue;
    }
    // The markers count only in the comment block directly above the constant.
    let start = i;
    while (start > 0 && lines[start - 1].trim().startsWith('//')) {
      start--;
    }
    const previous = lines.slice(start, i).join('\n');
    settings.set(match[1].replaceAll(':', '__'), {
      requiredInAzure: previous.includes('[RequiredInAzure]'),
      requiredLocally: previous.includes('[RequiredLocally]'),
    });
  }
  return settings;
}

/** `${NAME}` and `${NAME=default}` references of an azd parameters file. */
export function parameterVariables(json) {
  return [...json.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(=[^}]*)?\}/g)]
    .map(([, name, fallback]) => ({ name, hasDefault: fallback !== undefined }));
}

/** Variables a hook sets in the azd environment (`azd env set NAME`). */
export function hookSets(script) {
  return new Set([...script.matchAll(/azd env set ([A-Z_][A-Z0-9_]*)/g)].map(([, name]) => name));
}

/** azd environment variables a hook reads: `${NAME...}` in sh, `$values['NAME']` or a name list in pwsh. */
export function hookReads(script) {
  const names = new Set();
  for (const [, name] of script.matchAll(/\$\{([A-Z][A-Z0-9_]*)[:#}]/g)) {
    names.add(name);
  }
  for (const [, name] of script.matchAll(/\$values\['([A-Z][A-Z0-9_]*)'\]/g)) {
    names.add(name);
  }
  for (const [, list] of script.matchAll(/foreach \(\$name in ([^)]*)\)/g)) {
    for (const [, name] of list.matchAll(/'([A-Z][A-Z0-9_]*)'/g)) {
      names.add(name);
    }
  }
  return names;
}

/**
 * Sections of AppSettingNames.cs with the options class each binds: a `const string XSection = "Name"`
 * whose doc comment says `<see cref="Namespace.TypeName"/>`.
 */
export function boundSections(source) {
  const sections = new Map();
  for (const [, type, name] of source.matchAll(/<see cref="(?:[\w.]+\.)?(\w+)"\/>[^\n]*\n\s*public const string \w+Section = "([^"]+)";/g)) {
    sections.set(name, type);
  }
  return sections;
}

/** Names of the public settable properties a C# class declares (`public T Name { get; set; }`). */
export function settableProperties(source) {
  return new Set([...source.matchAll(/public [\w<>?,\s[\]]+? (\w+) \{ get; (?:set|init); \}/g)].map(([, name]) => name));
}

/** Names of the public get-only collection properties (bindable by appending: `public IList<T> Name { get; }`). */
export function collectionProperties(source) {
  return new Set([...source.matchAll(/public (?:IList|List|IDictionary|Dictionary)<[^>]+> (\w+) \{ get; \}/g)].map(([, name]) => name));
}
