#!/usr/bin/env node
// The public API report: every name each package's public entries export, with its kind and its
// type as the TypeScript checker prints it, one file per package in `api-report/`. A test
// (scripts/api-report.test.ts) fails when the surface changes and the report was not updated, so a
// change of public API is always a reviewed diff. `@plugboard/core/internal` is not public API and
// has no report.
//
// Usage: node scripts/api-report.mjs          (writes api-report/*.api.md)
//        node scripts/api-report.mjs --check  (exits 1 and names the packages whose report differs)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const PACKAGES = ['core', 'react', 'server', 'sandbox'];
const PRIVATE_ENTRIES = new Set(['./internal', './package.json']);

/** The public entries of a package: export keys with a TypeScript `source`, internal ones left out. */
export function publicEntries(pkg) {
  const dir = path.join(root, 'packages', pkg);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const entries = [];
  for (const [key, value] of Object.entries(manifest.exports ?? {})) {
    if (PRIVATE_ENTRIES.has(key) || typeof value !== 'object' || value === null) continue;
    const source = value.source;
    if (typeof source !== 'string' || !/\.tsx?$/.test(source)) continue;
    entries.push({
      name: key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`,
      file: path.join(dir, source),
    });
  }
  return entries;
}

const FLAGS =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseFullyQualifiedType |
  ts.TypeFormatFlags.WriteArrayAsGenericType |
  ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

function describeSymbol(checker, symbol, at) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const flags = target.flags;
  const lines = [];
  const typeText = (type) => checker.typeToString(type, at, FLAGS).replace(/import\("[^"]*"\)\./g, '');
  const members = (type) =>
    checker
      .getPropertiesOfType(type)
      .filter((p) => !p.getName().startsWith('#') && !isPrivate(p))
      .map((p) => {
        const optional = p.flags & ts.SymbolFlags.Optional ? '?' : '';
        return `  ${p.getName()}${optional}: ${declaredText(p) ?? typeText(checker.getTypeOfSymbolAtLocation(p, at))}`;
      });
  if (flags & ts.SymbolFlags.Class) {
    const instance = checker.getDeclaredTypeOfSymbol(target);
    const statics = checker.getTypeOfSymbolAtLocation(target, at);
    lines.push('class');
    for (const signature of statics.getConstructSignatures())
      lines.push(`  new${checker.signatureToString(signature, at, FLAGS)}`);
    lines.push(...members(instance));
  } else if (flags & ts.SymbolFlags.Interface) {
    // Its own members and what it extends, as written: an inherited DOM attribute list is noise.
    const declarations = (target.declarations ?? []).filter(ts.isInterfaceDeclaration);
    const heritage = declarations.flatMap((d) =>
      (d.heritageClauses ?? []).map((h) => h.getText().replace(/\s+/g, ' ')),
    );
    lines.push(`interface${heritage.length ? ` ${heritage.join(' ')}` : ''}`);
    for (const declaration of declarations)
      for (const member of declaration.members) {
        const text = member
          .getText()
          .replace(/\/\*\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .trim();
        lines.push(`  ${text.replace(/;$/, '')}`);
      }
  } else if (flags & ts.SymbolFlags.TypeAlias) {
    const declaration = target.declarations?.find(ts.isTypeAliasDeclaration);
    const type = checker.getDeclaredTypeOfSymbol(target);
    const params = declaration?.typeParameters?.map((p) => p.getText()).join(', ');
    // What the author wrote, unless it is inferred from a schema: then the shape the schema gives.
    const written = declaration?.type.getText();
    const body =
      written && !/\bz\.(infer|input|output)\b|\bReturnType\b|\btypeof\b/.test(written)
        ? written.replace(/\s+/g, ' ')
        : declaration
          ? checker.typeToString(
              checker.getTypeFromTypeNode(declaration.type),
              at,
              FLAGS | ts.TypeFormatFlags.InTypeAlias,
            )
          : typeText(type);
    lines.push(`type${params ? `<${params}>` : ''} = ${body.replace(/import\("[^"]*"\)\./g, '')}`);
  } else if (flags & ts.SymbolFlags.Function) {
    const type = checker.getTypeOfSymbolAtLocation(target, at);
    lines.push('function');
    for (const signature of type.getCallSignatures())
      lines.push(`  ${checker.signatureToString(signature, at, FLAGS).replace(/import\("[^"]*"\)\./g, '')}`);
  } else if (flags & (ts.SymbolFlags.Variable | ts.SymbolFlags.Property)) {
    lines.push(`const: ${typeText(checker.getTypeOfSymbolAtLocation(target, at))}`);
  } else if (flags & ts.SymbolFlags.Enum) {
    lines.push('enum');
  } else {
    lines.push('other');
  }
  return lines;
}

/** A member's type as written in its declaration, when it has one (compact and stable). */
function declaredText(symbol) {
  const declaration = symbol.valueDeclaration;
  const node = declaration && 'type' in declaration ? declaration.type : undefined;
  return node && typeof node.getText === 'function' ? node.getText().replace(/\s+/g, ' ') : undefined;
}

function isPrivate(symbol) {
  return (symbol.declarations ?? []).some(
    (d) => (ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0,
  );
}

/** The report of one package, as markdown text. */
export function reportFor(pkg, program = createProgram()) {
  const checker = program.getTypeChecker();
  const out = [
    `# API report: @plugboard/${pkg}`,
    '',
    '<!-- Generated by `node scripts/api-report.mjs`. Do not edit by hand. -->',
    '',
  ];
  for (const entry of publicEntries(pkg)) {
    const source = program.getSourceFile(entry.file);
    if (!source) throw new Error(`api-report: ${entry.file} is not in the program`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
    out.push(`## \`${entry.name}\``, '', '```ts');
    for (const symbol of [...exports].sort((a, b) => a.getName().localeCompare(b.getName(), 'en'))) {
      const [head, ...rest] = describeSymbol(checker, symbol, source);
      out.push(`${symbol.getName()}: ${head}`, ...rest);
    }
    out.push('```', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function createProgram() {
  const files = PACKAGES.flatMap((pkg) => publicEntries(pkg).map((entry) => entry.file));
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram(files, { ...parsed.options, noEmit: true });
}

export const reportPath = (pkg) => path.join(root, 'api-report', `${pkg}.api.md`);

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const program = createProgram();
  const stale = [];
  for (const pkg of PACKAGES) {
    const text = reportFor(pkg, program);
    const file = reportPath(pkg);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(pkg);
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  if (stale.length > 0) {
    console.error(
      `api-report: the public API of ${stale.map((p) => `@plugboard/${p}`).join(', ')} changed; review it and run \`node scripts/api-report.mjs\` to update api-report/.`,
    );
    process.exit(1);
  }
}
