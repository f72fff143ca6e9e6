import fs__default from 'node:fs';
import path from 'node:path';
import { s as selectorMatches, U as UserError, i as isUserError, w as words, l as listing, c as closest, e as expandPatterns, E as ENABLE_GROUPS, p as parseBoolean, a as secretValues, b as EXIT } from './selector-wT822Vb0.js';
import { p as platformList, c as cataloguedPlatforms, o as optionSpec, q as quote, s as split, a as parseEnvironment, b as platformNamed, u as unknownPlaceholders, P as PLACEHOLDER_VARS, d as archOfIdentifier, e as platformOfIdentifier, f as parsePlatformName } from './identifiers-BO1s8poE.js';
import os from 'node:os';
import { e as exec } from './index-Da-eS02x.js';
import { p as parseArchs, c as checkAllowedArchs, t as thisMachine, d as detectTerminal, a as cliReporter, V as VERSION, j as jsonReporter, h as hideDebugCommands, L as LOG_FORMATS, b as detectRunner, e as actionReporter, f as annotationsOf } from './debug-filter-CXJUdh1i.js';
import { v as validRange, b as booleanValue, p as parseEnable, a as pep440Range, c as pythonVersionsRange, d as parseParallel, e as positiveInt, f as parseChoice, r as resolvePublishOptions, g as parseCompilerCache, n as nonEmpty, u as urlSecrets } from './index-url-DDV0Wi_r.js';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';

/** Reads `CIBW_*` variables the way cibuildwheel names them. */
/** `test-command` → `CIBW_TEST_COMMAND`. */
function envName(option, platform) {
    const base = `CIBW_${option.toUpperCase().replace(/-/g, '_')}`;
    return platform ? `${base}_${platform.toUpperCase()}` : base;
}

/**
 * The cibuildwheel-compatible option keys: how each one is spelled in TOML,
 * how a TOML list or table becomes a string, and which sources may set it.
 * Data only; resolve.ts walks the cascade with it.
 */
const SPACE = { kind: 'list', sep: ' ' };
const QUOTED = { kind: 'list', sep: ' ', quoted: true };
const COMMANDS$1 = { kind: 'list', sep: ' && ' };
const KEY_VALUE = { kind: 'shlex-table', sep: '; ', pairSep: ':', mergeable: false };
const spec = optionSpec;
const OPTION_SPECS = [
    spec('build', SPACE, '*', { envPlatform: false, global: true }),
    spec('skip', SPACE, '', { envPlatform: false, global: true }),
    spec('test-skip', SPACE, '', { envPlatform: false, global: true }),
    spec('enable', SPACE, '', { envPlatform: false, global: true }),
    spec('archs', SPACE, 'auto', { ignoreEmpty: true, global: true }),
    spec('audit-requires', QUOTED, 'abi3audit'),
    spec('audit-command', COMMANDS$1, 'abi3audit --strict --report {abi3_wheel}'),
    spec('build-frontend', KEY_VALUE, 'default', { envPlatform: false }),
    spec('config-settings', { kind: 'shlex-table', sep: ' ', pairSep: '=', mergeable: true }, ''),
    spec('dependency-versions', KEY_VALUE, 'pinned'),
    spec('environment', { kind: 'env-table' }, ''),
    spec('environment-pass', SPACE, ''),
    spec('build-verbosity', { kind: 'scalar' }, '0'),
    spec('before-all', COMMANDS$1, ''),
    spec('before-build', COMMANDS$1, ''),
    spec('xbuild-tools', QUOTED, ''),
    spec('xbuild-files', KEY_VALUE, ''),
    spec('repair-wheel-command', COMMANDS$1, ''),
    spec('test-command', COMMANDS$1, ''),
    spec('before-test', COMMANDS$1, ''),
    spec('test-sources', QUOTED, ''),
    spec('test-requires', QUOTED, ''),
    spec('test-extras', { kind: 'list', sep: ',' }, ''),
    spec('test-groups', SPACE, ''),
    spec('test-environment', { kind: 'env-table' }, ''),
    spec('test-runtime', KEY_VALUE, ''),
    spec('container-engine', KEY_VALUE, 'docker'),
    spec('pyodide-version', { kind: 'scalar' }, '', { envPlatform: false }),
    // The keys only one platform reads (e.g. Linux's image per arch), from its module.
    ...platformList().flatMap(p => p.options.specs ?? [])
];
const SPECS_BY_NAME = new Map(OPTION_SPECS.map(s => [s.name, s]));
/** Keys that may appear in `[tool.cibuildwheel]` besides the options themselves. */
const PLATFORM_TABLES = [
    ...new Set([...platformList().map(p => p.name), ...cataloguedPlatforms().map(p => p.name)])
];
const STRUCTURAL_KEYS = ['overrides', ...PLATFORM_TABLES];
/** Our own keys, accepted in `[tool.wheelwright]`. */
const WHEELWRIGHT_KEYS = [
    'allow-empty',
    'parallel',
    'cache',
    'cache-skip-tests',
    'cache-dir',
    'compiler-cache',
    'fail-fast',
    'max-per-job',
    'python-versions',
    'container',
    // The keys only one platform reads.
    ...platformList().flatMap(p => (p.options.settings ?? []).map(s => s.name)),
    'upload-artifact',
    'artifact-name',
    'sdist',
    'publish',
    'repository-url',
    'skip-existing',
    'attestations',
    'verify-tag',
    'verify-metadata',
    'print-hash',
    'verbose',
    'index-timeout',
    'overwrite',
    'if-no-files-found'
];
/** A TOML scalar as text; a nested table or list is refused with what it is. */
function scalar(value, key) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    throw new FormatError(key, Array.isArray(value)
        ? 'a nested list'
        : `a nested ${typeof value === 'object' && value ? 'table' : typeof value}`);
}
/** Turns a TOML value into the option's string form, as cibuildwheel does. */
function stringify(value, format, key) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value)) {
        if (format.kind !== 'list')
            throw new FormatError(key, 'a list');
        return value
            .map(v => scalar(v, key))
            .map(v => (format.quoted ? quote(v) : v))
            .join(format.sep);
    }
    if (value && typeof value === 'object') {
        const entries = Object.entries(value);
        if (format.kind === 'env-table')
            return entries.map(([k, v]) => `${k}="${scalar(v, key)}"`).join(' ');
        if (format.kind === 'shlex-table') {
            const pairs = [];
            for (const [k, v] of entries) {
                const values = Array.isArray(v) ? v.map(item => scalar(item, key)) : [scalar(v, key)];
                for (const item of values)
                    pairs.push(`${k}${format.pairSep}${quote(item)}`);
            }
            return pairs.join(format.sep);
        }
        throw new FormatError(key, 'a table');
    }
    throw new FormatError(key, typeof value);
}
class FormatError extends Error {
    key;
    got;
    constructor(key, got) {
        super(`${key} does not accept ${got}`);
        this.key = key;
        this.got = got;
    }
}
/**
 * Options that have no effect on the platforms wheelwright builds: read (as
 * cibuildwheel reads them) and, when set, reported with a warning instead of
 * being ignored without a word.
 */
const NO_EFFECT = {
    'pyodide-version': 'applies only to pyodide builds',
    'xbuild-tools': 'applies only to cross builds for ios and android',
    'xbuild-files': 'applies only to cross builds for ios, android and pyodide',
    'test-runtime': 'applies only to android, ios and pyodide test runs',
    ...Object.assign({}, ...platformList().map(p => p.options.noEffect ?? {}))
};

/**
 * The option cascade, lowest level first: built-in defaults → `[tool.cibuildwheel]`
 * → its platform table → matching `[[overrides]]` → `CIBW_<NAME>` →
 * `CIBW_<NAME>_<PLATFORM>` → action inputs / CLI flags. Each level either
 * replaces the value below it or, with an `inherit` rule, appends/prepends.
 */
function levelsOf(spec, sources, identifier) {
    const { platform, config, env } = sources;
    const platformTable = (config[platform] ?? {});
    const levels = [
        { value: spec.defaults.all, rule: 'none', source: 'default' },
        { value: sources.platformDefaults[spec.name], rule: 'none', source: 'default' },
        { value: config[spec.name], rule: 'none', source: `tool.cibuildwheel.${spec.name}` },
        {
            value: platformTable[spec.name],
            rule: 'none',
            source: `tool.cibuildwheel.${platform}.${spec.name}`
        }
    ];
    if (identifier !== undefined && !spec.global) {
        sources.overrides.forEach((override, index) => {
            if (!selectorMatches(override.select, identifier))
                return;
            levels.push({
                value: override.options[spec.name],
                rule: override.inherit[spec.name] ?? 'none',
                source: `tool.cibuildwheel.overrides[select=${override.select}].${spec.name}`,
                path: `tool.cibuildwheel.overrides[${index}].${spec.name}`
            });
        });
    }
    const envRule = spec.name === 'enable' ? 'append' : 'none';
    levels.push({ value: env[envName(spec.name)], rule: envRule, source: envName(spec.name) });
    if (spec.envPlatform) {
        const name = envName(spec.name, platform);
        levels.push({ value: env[name], rule: envRule, source: name });
    }
    levels.push({ value: sources.inputs.get(spec.name), rule: 'none', source: spec.name });
    return levels;
}
/** Where the option's value was last set: its dotted path in the config file, or its source. */
function optionSourcePath(spec, sources, identifier, badValue) {
    const set = levelsOf(spec, sources, identifier).filter(l => l.value !== undefined && l.value !== null && l.value !== '');
    // Levels that add up (enable): the one that holds the bad value, not merely the last.
    const holding = badValue ? set.filter(l => JSON.stringify(l.value).includes(badValue)) : [];
    const last = (holding.length > 0 ? holding : set).at(-1);
    return last && (last.path ?? last.source);
}
/** A config value as the option's text; a value of a shape the option does not take is refused. */
function optionText(value, spec, source) {
    try {
        return stringify(value, spec.format, source);
    }
    catch (error) {
        if (error instanceof FormatError) {
            throw new UserError(`cannot take ${error.got}`, {
                key: source,
                value: JSON.stringify(value),
                hint: `see the cibuildwheel documentation of ${spec.name}`
            });
        }
        throw error;
    }
}
function resolveOption(spec, sources, identifier) {
    const levels = levelsOf(spec, sources, identifier);
    let result;
    for (const { value, rule, source } of levels) {
        if (value === undefined || value === null)
            continue;
        const text = optionText(value, spec, source);
        if (spec.ignoreEmpty && text === '')
            continue;
        result =
            result === undefined || rule === 'none' ? text : merge(result, text, rule, spec, source);
    }
    return result ?? '';
}
function merge(before, after, rule, spec, source) {
    const [first, second] = rule === 'append' ? [before, after] : [after, before];
    const format = spec.format;
    switch (format.kind) {
        case 'list':
            return !first ? second : !second ? first : `${first}${format.sep}${second}`;
        case 'env-table':
            return !first ? second : !second ? first : `${first} ${second}`;
        case 'shlex-table': {
            if (!format.mergeable) {
                throw new UserError('does not support inheritance', {
                    key: source,
                    hint: 'remove the inherit rule for this option'
                });
            }
            const table = (text) => new Map(split(text, source).map(pair => {
                const at = pair.indexOf(format.pairSep);
                return [pair.slice(0, at), pair.slice(at + 1)];
            }));
            // The second table wins on shared keys: with append the new value replaces
            // existing keys; with prepend it only adds keys that are not set yet.
            const merged = new Map([...table(first), ...table(second)]);
            return stringify(Object.fromEntries(merged), format, source);
        }
        case 'scalar':
            throw new UserError('does not support inheritance', {
                key: source,
                hint: 'remove the inherit rule for this option'
            });
    }
}

/**
 * Where in pyproject.toml a configuration problem was written, for the
 * action's annotation (`file=pyproject.toml,line=12`). The TOML parser gives
 * values, not positions, so a small scanner reads the file's table headers
 * (`[tool.cibuildwheel.linux]`, `[[tool.cibuildwheel.overrides]]`) and key
 * lines (`archs = ...`, `linux.archs = ...`), skipping what is inside strings,
 * multi-line strings and arrays, and notes the line of every dotted key.
 */
/** `tool."cibuildwheel".linux` → ['tool', 'cibuildwheel', 'linux']. */
function keyParts(text) {
    const parts = [];
    const part = /\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|$)/y;
    let match;
    while (part.lastIndex < text.length && (match = part.exec(text))) {
        const raw = match[1];
        parts.push(/^["']/.test(raw) ? raw.slice(1, -1) : raw);
    }
    return parts;
}
/** `tool.cibuildwheel.overrides[1].select` → ['tool', 'cibuildwheel', 'overrides', '[1]', 'select']. */
function pathParts(key) {
    return key.split('.').flatMap(part => {
        const indexed = /^(.+?)\[(\d+)\]$/.exec(part);
        return indexed ? [indexed[1], `[${indexed[2]}]`] : [part];
    });
}
/** Reads one line of values, updating what stays open after it; returns the line without its comment. */
function scanLine(line, state) {
    let i = 0;
    while (i < line.length) {
        if (state.string) {
            const end = line.indexOf(state.string, i);
            if (end < 0)
                return line;
            i = end + 3;
            state.string = undefined;
            continue;
        }
        const c = line[i];
        if (c === '#')
            return line.slice(0, i);
        if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
            state.string = line.slice(i, i + 3);
            i += 3;
        }
        else if (c === '"' || c === "'") {
            i++;
            while (i < line.length && line[i] !== c)
                i += c === '"' && line[i] === '\\' ? 2 : 1;
            i++;
        }
        else {
            if (c === '[' || c === '{')
                state.depth++;
            if (c === ']' || c === '}')
                state.depth = Math.max(0, state.depth - 1);
            i++;
        }
    }
    return line;
}
/** The line (from 1) of every table and key that the text writes, by dotted path. */
function keyLines(text) {
    const lines = new Map();
    const note = (path, line) => {
        for (let n = 1; n <= path.length; n++) {
            const key = path.slice(0, n).join('.');
            if (!lines.has(key))
                lines.set(key, line);
        }
    };
    const arrays = new Map();
    const state = { depth: 0 };
    let table = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const topLevel = state.depth === 0 && !state.string;
        const line = scanLine(raw, state).trim();
        if (!topLevel || line === '')
            return;
        const arrayTable = /^\[\[(.+)\]\]$/.exec(line);
        const plainTable = arrayTable ? null : /^\[(.+)\]$/.exec(line);
        if (arrayTable) {
            const name = keyParts(arrayTable[1]);
            const count = arrays.get(name.join('.')) ?? 0;
            arrays.set(name.join('.'), count + 1);
            table = [...name, `[${count}]`];
            state.depth = 0;
            note(table, index + 1);
        }
        else if (plainTable) {
            table = keyParts(plainTable[1]);
            state.depth = 0;
            note(table, index + 1);
        }
        else {
            const key = /^((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=/.exec(line);
            if (key)
                note([...table, ...keyParts(key[1])], index + 1);
        }
    });
    return lines;
}
/**
 * The line of a dotted `key` in the text, or of the nearest enclosing key
 * written on a line of its own (an inline table such as `linux = { ... }`).
 */
function keyLine(text, key) {
    const lines = keyLines(text);
    const parts = pathParts(key);
    for (let n = parts.length; n >= 2; n--) {
        const line = lines.get(parts.slice(0, n).join('.'));
        if (line !== undefined)
            return line;
    }
    return undefined;
}
/**
 * The error placed at the line of the key it names, when that key was read
 * from a config file: a `tool.*` or `project.*` key, or an option whose
 * value came from `[tool.cibuildwheel]` (its platform table or an override).
 * Anything else (an input, a CIBW_* variable) is returned as it is.
 */
function locateError(error, sources, cascade, identifier) {
    if (!isUserError(error) || error.location || !error.key)
        return error;
    const spec = SPECS_BY_NAME.get(error.key);
    const key = spec && cascade ? optionSourcePath(spec, cascade, identifier, error.value) : error.key;
    const source = key?.startsWith('tool.')
        ? sources.tool
        : key?.startsWith('project.')
            ? sources.project
            : undefined;
    // A value from a CIBW_* variable: the error names the variable.
    if (key && !source && key !== error.key && /^CIBW_/.test(key))
        return error.from(key);
    if (!key || !source)
        return error;
    const line = keyLine(source.text, key);
    const location = { file: source.file, ...(line ? { line } : {}) };
    return error.at(location);
}

/**
 * An sdist given as package-dir is untrusted input. It is read by Python's
 * `tarfile` (the parser pip and cibuildwheel use), never by the text of a
 * `tar` listing, which differs between GNU tar and bsdtar. Its members are
 * then checked: no absolute member, no `..`, no link that points outside the
 * sdist's own directory, no link at the top, and nothing but files, dirs and
 * links (no device, fifo or socket). Pure: the reader's JSON in, refusals out;
 * `sdist-unpack.ts` runs the reader.
 */
/** The reader's JSON, checked for shape (a reader that says anything else is refused). */
function parseListing(text) {
    const listing = JSON.parse(text);
    if (typeof listing?.sha256 !== 'string' ||
        !Array.isArray(listing.members) ||
        !Array.isArray(listing.filtered) ||
        !listing.members.every(m => typeof m?.name === 'string' && typeof m.type === 'string')) {
        throw new Error('the archive reader printed an unexpected listing');
    }
    return listing;
}
const PLAIN_TYPES = ['-', 'd', 'l', 'h'];
const SPECIAL_TYPES = {
    c: 'character device',
    b: 'block device',
    p: 'fifo',
    s: 'socket'
};
const parts = (name) => name.split('/').filter(p => p !== '' && p !== '.');
/** Why each unsafe member is refused (empty when the archive is safe to unpack). */
function unsafeMembers(members) {
    const problems = [];
    for (const m of members) {
        const name = parts(m.name);
        if (m.name.startsWith('/'))
            problems.push(`${m.name}: an absolute path`);
        else if (!PLAIN_TYPES.includes(m.type))
            problems.push(`${m.name}: a ${SPECIAL_TYPES[m.type] ?? 'special file'}, not a plain file`);
        else if (name.includes('..'))
            problems.push(`${m.name}: leaves the sdist through ..`);
        else if (m.target !== undefined && name.length <= 1)
            problems.push(`${m.name}: a link at the top of the sdist`);
        else if (m.target !== undefined) {
            const base = m.type === 'l' ? name.slice(0, -1) : [];
            const resolved = [];
            let outside = m.target.startsWith('/');
            for (const part of [...base, ...parts(m.target)]) {
                if (part === '..') {
                    if (resolved.pop() === undefined)
                        outside = true;
                }
                else
                    resolved.push(part);
            }
            // A link must stay inside the sdist's own top directory.
            if (outside || resolved[0] !== name[0])
                problems.push(`${m.name}: a link to ${m.target}, outside the sdist`);
        }
    }
    return problems;
}
/** Every refusal of a listing: ours, then the data filter's for members we let pass. */
function refusals(listing) {
    const ours = unsafeMembers(listing.members);
    return ours.length > 0 ? ours : [...listing.filtered];
}

/**
 * Unpacks an sdist given as package-dir (untrusted) into a temp dir: the
 * host's Python reads it whole with tarfile, the members are checked
 * (sdist-archive.ts), and the same reader extracts the same bytes with the
 * `data` filter. Nothing else (no `tar`, whose listing differs between GNU
 * tar and bsdtar) reads the archive, so the check and the extraction cannot
 * disagree; an archive that cannot be read in full is refused.
 */
/**
 * The reader, run with the host's Python: `list ARCHIVE` prints a Listing as
 * JSON; `extract ARCHIVE SHA256 DEST` unpacks with the `data` filter, only if
 * the archive's bytes still hash to SHA256. The archive is read whole, into
 * memory, and to its end (a truncated gzip stream, a bad CRC or trailing
 * garbage is an error): anything it cannot read in full is refused (exit 3).
 */
const READER = `
import gzip, hashlib, io, json, os, sys, tarfile, zlib
if not hasattr(tarfile, 'data_filter'):
    sys.stderr.write('this Python (%s) has no tarfile data filter; Python 3.9.17, 3.10.12, 3.11.4, 3.12 or later has it' % sys.version.split()[0])
    sys.exit(4)
mode, archive = sys.argv[1], sys.argv[2]
KINDS = [('isreg', '-'), ('isdir', 'd'), ('issym', 'l'), ('islnk', 'h'), ('ischr', 'c'), ('isblk', 'b'), ('isfifo', 'p')]
def kind(m):
    return next((code for test, code in KINDS if getattr(m, test)()), '?')
def only_zeros(stream):
    # To the end of the gzip stream, whose CRC and length are checked there.
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            return True
        if chunk.strip(bytes(1)):
            return False
def fail(text):
    sys.stderr.write(text)
    sys.exit(3)
try:
    with open(archive, 'rb') as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if mode == 'extract' and digest != sys.argv[3]:
        fail('the archive changed while it was read')
    try:
        tar = tarfile.open(fileobj=io.BytesIO(data), mode='r:gz', errorlevel=2)
    except tarfile.ReadError:
        # An archive of no members at all is readable, and refused later as no sdist.
        if not only_zeros(gzip.GzipFile(fileobj=io.BytesIO(data))):
            raise
        tar = None
    members = tar.getmembers() if tar else []
    # tarfile stops at a header it cannot read: whatever follows the last member must be padding.
    if tar:
        tar.fileobj.seek(tar.offset)
        if not only_zeros(tar.fileobj):
            fail('unreadable data after %d members (offset %d)' % (len(members), tar.offset))
    if mode == 'list':
        filtered = []
        for m in members:
            try:
                tarfile.data_filter(m, os.path.join(os.sep, 'sdist-check'))
            except tarfile.FilterError as e:
                filtered.append(str(e))
        json.dump({'sha256': digest, 'filtered': filtered, 'members': [
            {'name': m.name, 'type': kind(m), **({'target': m.linkname} if m.issym() or m.islnk() else {})}
            for m in members]}, sys.stdout)
    elif tar:
        tar.extractall(sys.argv[4], members=members, filter='data')
except (tarfile.TarError, EOFError, zlib.error, OSError, ValueError) as e:
    fail('%s: %s' % (type(e).__name__, e))
`;
/** The Python of this machine that reads archives (as the tools venv is made with). */
const hostPython = (platform = process.platform) => platform === 'win32' ? 'python' : 'python3';
const HINT = 'build the sdist with `python -m build --sdist`';
async function read(args, label) {
    const python = hostPython();
    const result = await exec([python, '-c', READER, ...args], {
        capture: true,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' }
    }).catch((error) => {
        throw new UserError(`cannot be read: ${python} was not found`, {
            key: 'package-dir',
            value: label,
            hint: `an sdist is read with Python's tarfile; put ${python} on PATH (${error.message})`
        });
    });
    if (result.code === 4) {
        throw new UserError(`cannot be read safely: ${result.stderr.trim()}`, {
            key: 'package-dir',
            value: label,
            hint: `put a newer ${python} first on PATH`
        });
    }
    if (result.code !== 0) {
        throw new UserError(`could not be read in full as a .tar.gz: ${result.stderr.trim().split('\n').pop()}`, { key: 'package-dir', value: label, hint: HINT });
    }
    return result;
}
/** Unpacks an sdist into a temp dir (under `tempRoot`) and returns its single top-level directory. */
async function unpackSdist(file, label, tempRoot = os.tmpdir()) {
    let listing;
    const listed = await read(['list', file], label);
    try {
        listing = parseListing(listed.stdout);
    }
    catch (error) {
        throw new UserError(`could not be read: ${error.message}`, {
            key: 'package-dir',
            value: label,
            hint: HINT
        });
    }
    const problems = refusals(listing);
    if (problems.length > 0) {
        throw new UserError(`is refused: ${problems.slice(0, 5).join('; ')}`, {
            key: 'package-dir',
            value: label,
            hint: 'an sdist holds one directory of plain files; build it with `python -m build --sdist`'
        });
    }
    const dest = fs__default.mkdtempSync(path.join(tempRoot, 'wheelwright-sdist-'));
    try {
        await read(['extract', file, listing.sha256, dest], label);
        const entries = fs__default.readdirSync(dest);
        if (entries.length !== 1 || !fs__default.lstatSync(path.join(dest, entries[0])).isDirectory()) {
            throw new UserError('is not an sdist: expected one top-level directory', {
                key: 'package-dir',
                value: label
            });
        }
        const top = path.join(dest, entries[0]);
        if (!['pyproject.toml', 'setup.py'].some(name => fs__default.existsSync(path.join(top, name)))) {
            throw new UserError(`is not an sdist: ${entries[0]} has no pyproject.toml or setup.py`, {
                key: 'package-dir',
                value: label,
                hint: HINT
            });
        }
        return top;
    }
    catch (error) {
        fs__default.rmSync(dest, { recursive: true, force: true });
        throw error;
    }
}

/**
 * Reads a config file (pyproject.toml, a config-file, setup.cfg, setup.py, a
 * constraints file) before any work, bounded: it must be a regular file,
 * symlinks followed, of at most 1 MiB. A link to /dev/zero or a fifo (git can
 * store either) is refused at once, never read, and a file that grows while
 * it is read is cut off at the limit and refused.
 */
const CONFIG_FILE_LIMIT = 1024 * 1024;
const KINDS = [
    [s => s.isDirectory(), 'a directory'],
    [s => s.isCharacterDevice(), 'a character device'],
    [s => s.isBlockDevice(), 'a block device'],
    [s => s.isFIFO(), 'a fifo'],
    [s => s.isSocket(), 'a socket']
];
const refuse = (what, key, file) => new UserError(what, {
    key,
    value: file,
    hint: `a config file is a regular file of at most ${CONFIG_FILE_LIMIT / 1024 / 1024} MiB`
});
/**
 * The text of `file`; undefined when nothing is there (a dangling symlink is
 * an error). `key` names the input or file in errors.
 */
function readConfigFile(file, key) {
    const stat = fs__default.statSync(file, { throwIfNoEntry: false });
    if (!stat) {
        if (fs__default.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink())
            throw refuse(`is a symbolic link to ${fs__default.readlinkSync(file)}, which does not exist`, key, file);
        return undefined;
    }
    const checked = (s) => {
        const kind = KINDS.find(([test]) => test(s))?.[1];
        if (kind || !s.isFile())
            throw refuse(`is ${kind ?? 'not a regular file'}`, key, file);
        if (s.size > CONFIG_FILE_LIMIT)
            throw refuse(`is ${(s.size / 1024 / 1024).toFixed(1)} MiB, too large`, key, file);
    };
    checked(stat);
    // Non-blocking: what was checked may have been swapped for a fifo meanwhile.
    const fd = fs__default.openSync(file, fs__default.constants.O_RDONLY | (fs__default.constants.O_NONBLOCK ?? 0));
    try {
        checked(fs__default.fstatSync(fd));
        const buffer = Buffer.alloc(CONFIG_FILE_LIMIT + 1);
        let length = 0;
        for (let n = -1; n !== 0 && length < buffer.length; length += n)
            n = fs__default.readSync(fd, buffer, length, buffer.length - length, null);
        if (length > CONFIG_FILE_LIMIT)
            throw refuse('grew past the size limit while read', key, file);
        return buffer.subarray(0, length).toString('utf8');
    }
    finally {
        fs__default.closeSync(fd);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

/**
 * Reads the project's configuration files: pyproject.toml (with
 * `[tool.cibuildwheel]`, `[tool.wheelwright]` and `[project]`), setup.cfg and
 * setup.py, only as far as wheelwright needs them. Pure parsing; reading the
 * files happens in project.ts.
 */
/** `file`, when given, is where a syntax error is located. */
function parsePyproject(text, fileLabel, file) {
    let document;
    try {
        document = parse(text);
    }
    catch (error) {
        if (error instanceof TomlError) {
            const first = error.message.split('\n')[0];
            throw new UserError(`invalid TOML at line ${error.line}, column ${error.column}: ${first}`, {
                key: fileLabel,
                hint: 'fix the syntax of the file',
                ...(file ? { location: { file, line: error.line } } : {})
            });
        }
        throw error;
    }
    const tool = asTable(document.tool, `${fileLabel}: [tool]`);
    return {
        cibuildwheel: asTable(tool.cibuildwheel, 'tool.cibuildwheel'),
        wheelwright: asTable(tool.wheelwright, 'tool.wheelwright'),
        project: asTable(document.project, 'project'),
        dependencyGroups: asTable(document['dependency-groups'], 'dependency-groups'),
        ...buildBackendOf(document['build-system'])
    };
}
function buildBackendOf(buildSystem) {
    if (!buildSystem || typeof buildSystem !== 'object' || Array.isArray(buildSystem))
        return {};
    const backend = buildSystem['build-backend'];
    return typeof backend === 'string' && backend.trim() ? { buildBackend: backend.trim() } : {};
}
function asTable(value, key) {
    if (value === undefined)
        return {};
    if (value && typeof value === 'object' && !Array.isArray(value))
        return value;
    throw new UserError('must be a table', { key, value: String(value) });
}
/** `python_requires` from setup.cfg's `[options]` section. */
function setupCfgRequiresPython(text) {
    let section = '';
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        const header = /^\[(.+)\]$/.exec(line);
        if (header) {
            section = header[1].trim();
            continue;
        }
        const entry = /^python_requires\s*[=:]\s*(.*)$/.exec(line);
        if (section === 'options' && entry)
            return entry[1].trim() || undefined;
    }
    return undefined;
}
/**
 * `python_requires="..."` passed to a top-level `setup()` call in setup.py
 * (or one under `if __name__ == "__main__":`), when it is a string literal.
 * cibuildwheel reads the AST; a literal keyword argument is what it accepts
 * too, so a scan for the literal keyword gives the same answer without a
 * Python parser.
 */
function setupPyRequiresPython(text) {
    const match = /(?:^|[\s,(])python_requires\s*=\s*(?:'([^'\n]*)'|"([^"\n]*)")/m.exec(text);
    if (!match)
        return undefined;
    return (match[1] ?? match[2]) || undefined;
}

const COMPILER_CACHE_MODES = [
    'auto',
    'sccache',
    'ccache',
    'off'
];

/**
 * The syntax of requirements (PEP 508) and extras, checked when options are
 * read, so that a typo in test-requires fails before the first build rather
 * than at the first test. Entries that pip reads as options or paths
 * (`-r file`, `./pkg`, URLs) are left to pip.
 */
const NAME = '[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?';
const NAME_ONLY = new RegExp(`^${NAME}$`);
const HEAD = new RegExp(`^(${NAME})\\s*(?:\\[([^\\]]*)\\])?\\s*(.*)$`, 's');
/** Why `text` is not a requirement, or undefined when it is one. */
function requirementProblem(text) {
    if (/^(-|\.|~\/|\/|\\)/.test(text) || text.includes('://') || /[/\\]/.test(text.split(/[;@]/)[0]))
        return undefined;
    const head = HEAD.exec(text.trim());
    if (!head)
        return 'does not start with a project name';
    const [, , extras, rest] = head;
    if (extras !== undefined &&
        extras.trim() !== '' &&
        extras.split(',').some(e => !NAME_ONLY.test(e.trim())))
        return `[${extras}] is not a list of extras`;
    const [spec, ...marker] = rest.split(';');
    if (marker.length > 0 && marker.join(';').trim() === '')
        return 'has an empty marker after ;';
    const version = spec.trim();
    if (version.startsWith('@'))
        return version.slice(1).trim() ? undefined : 'has no URL after @';
    const bare = version.startsWith('(') && version.endsWith(')') ? version.slice(1, -1) : version;
    if (bare !== '' && !validRange(bare))
        return `${JSON.stringify(bare)} is not a version specifier`;
    return undefined;
}
/** Refuses the first entry of `requirements` that is no requirement, naming `key`. */
function checkRequirements(requirements, key) {
    for (const requirement of requirements) {
        const problem = requirementProblem(requirement);
        if (problem) {
            throw new UserError(`is not a requirement: ${problem}`, {
                key,
                value: requirement,
                hint: 'write requirements as pip does, e.g. pytest>=8 "numpy[extra]==2.*"'
            });
        }
    }
}
/** test-extras: extra names, separated by commas (or spaces). */
function checkExtras(text, key) {
    for (const extra of text.split(/[\s,]+/).filter(Boolean)) {
        if (!NAME_ONLY.test(extra)) {
            throw new UserError('is not the name of an extra', {
                key,
                value: extra,
                hint: 'write extras as a comma-separated list, e.g. test,cli'
            });
        }
    }
}

/**
 * `test-groups`: PEP 735 dependency groups of pyproject.toml, resolved to the
 * requirements they hold (`{include-group = "..."}` followed, cycles refused).
 */
function dependencyGroupRequirements(groups, names, key = 'test-groups') {
    const normal = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
    const byName = new Map(Object.entries(groups).map(([name, value]) => [normal(name), value]));
    const resolve = (name, seen) => {
        const id = normal(name);
        if (seen.includes(id)) {
            throw new UserError(`dependency group ${name} includes itself`, {
                key,
                value: [...seen, id].join(' → '),
                hint: 'remove the include-group cycle in [dependency-groups]'
            });
        }
        const entries = byName.get(id);
        if (entries === undefined) {
            throw new UserError(`names no dependency group of pyproject.toml`, {
                key,
                value: name,
                hint: `groups are ${[...byName.keys()].join(', ') || '(none)'}; define it under [dependency-groups]`
            });
        }
        if (!Array.isArray(entries)) {
            throw new UserError('must be a list', {
                key: `dependency-groups.${name}`,
                value: String(entries)
            });
        }
        return entries.flatMap(entry => {
            if (typeof entry === 'string')
                return [entry];
            const include = entry?.['include-group'];
            if (typeof include === 'string')
                return resolve(include, [...seen, id]);
            throw new UserError('holds an entry that is neither a requirement nor an include-group', {
                key: `dependency-groups.${name}`,
                value: JSON.stringify(entry)
            });
        });
    };
    return names.flatMap(name => resolve(name, []));
}

/** The options that may differ per identifier, resolved through the cascade. */
/** An environment option, refused here (before any build) when malformed. */
function checked(value, key) {
    parseEnvironment(value, key);
    return value;
}
const FRONTENDS = ['build', 'pip', 'build[uv]', 'uv'];
/** Parses cibuildwheel's `name; key: value …` strings. */
function parseKeyValue(text, key, fields) {
    const result = { name: [] };
    text.split(';').forEach((part, index) => {
        const tokens = split(part, key);
        if (tokens.length === 0)
            return;
        const colon = tokens[0].indexOf(':');
        if (colon >= 0) {
            const field = tokens[0].slice(0, colon);
            if (field !== 'name' && !fields.includes(field)) {
                throw new UserError(`unknown field ${JSON.stringify(field)}`, {
                    key,
                    value: text,
                    hint: `fields are ${fields.join(', ')}`
                });
            }
            const first = tokens[0].slice(colon + 1);
            result[field] = [...(result[field] ?? []), ...(first ? [first] : []), ...tokens.slice(1)];
        }
        else if (index === 0) {
            result.name = tokens;
        }
        else {
            throw new UserError('has a value without a field name', {
                key,
                value: text,
                hint: 'write it as "name; field: value"'
            });
        }
    });
    return result;
}
function parseFrontend(text) {
    if (!text || text === 'default')
        return { name: 'build', args: [] };
    const parsed = parseKeyValue(text, 'build-frontend', ['args']);
    const name = parsed.name.join(' ');
    if (!FRONTENDS.includes(name)) {
        throw new UserError('unknown build frontend', {
            key: 'build-frontend',
            value: name,
            hint: `use ${FRONTENDS.join(', ')}`
        });
    }
    return { name: name, args: parsed.args ?? [] };
}
function parseContainerEngine(text) {
    const parsed = parseKeyValue(text, 'container-engine', [
        'create_args',
        'create-args',
        'disable_host_mount',
        'disable-host-mount'
    ]);
    const name = parsed.name.join(' ');
    if (name !== 'docker' && name !== 'podman') {
        throw new UserError('unknown container engine', {
            key: 'container-engine',
            value: name,
            hint: 'use docker or podman'
        });
    }
    const createArgs = parsed.create_args ?? parsed['create-args'] ?? [];
    const disable = parsed.disable_host_mount ?? parsed['disable-host-mount'] ?? [];
    return {
        name,
        createArgs,
        disableHostMount: disable.length > 0 && booleanValue(disable[disable.length - 1], 'container-engine')
    };
}
function resolveBuildOptions(identifier, option, platform, packageDir, dependencyGroups = {}, builtIn = () => false) {
    const get = (name) => option(name, identifier);
    const verbosityText = get('build-verbosity').trim() || '0';
    const verbosity = Number(verbosityText);
    if (!/^[-+]?\d+$/.test(verbosityText)) {
        throw new UserError('must be a whole number', {
            key: 'build-verbosity',
            value: get('build-verbosity'),
            hint: 'use a number from -3 to 3'
        });
    }
    const imageOption = platform.containers?.imageOption(identifier);
    const image = imageOption ? get(imageOption) : '';
    const auditCommand = get('audit-command');
    const auditCommands = auditCommand ? auditCommand.split(' && ') : [];
    for (const command of auditCommands) {
        const abi3 = command.includes('{abi3_wheel}');
        const any = command.includes('{wheel}');
        if (abi3 === any) {
            throw new UserError(abi3
                ? 'a command cannot use both {wheel} and {abi3_wheel}'
                : 'each command must use {wheel} or {abi3_wheel}', {
                key: 'audit-command',
                value: command,
                hint: 'for example: abi3audit --strict --report {abi3_wheel}; join commands with " && "'
            });
        }
    }
    const testRequires = split(get('test-requires'), 'test-requires');
    checkRequirements(testRequires, 'test-requires');
    checkExtras(get('test-extras'), 'test-extras');
    return {
        identifier,
        beforeAll: get('before-all'),
        beforeBuild: get('before-build'),
        beforeTest: get('before-test'),
        repairCommand: get('repair-wheel-command'),
        repairIsDefault: get('repair-wheel-command') !== '' && builtIn('repair-wheel-command', identifier),
        testCommand: get('test-command'),
        auditCommand,
        auditCommands,
        auditRequires: split(get('audit-requires'), 'audit-requires'),
        environment: checked(get('environment'), 'environment'),
        environmentPass: words(get('environment-pass')),
        testEnvironment: checked(get('test-environment'), 'test-environment'),
        configSettings: split(get('config-settings'), 'config-settings'),
        frontend: parseFrontend(get('build-frontend')),
        testRequires: [
            ...testRequires,
            ...dependencyGroupRequirements(dependencyGroups, words(get('test-groups')))
        ],
        testExtras: get('test-extras'),
        testSources: split(get('test-sources'), 'test-sources'),
        containerEngine: parseContainerEngine(get('container-engine') || 'docker'),
        image,
        buildVerbosity: Math.max(-3, Math.min(3, verbosity)),
        dependencyVersions: get('dependency-versions'),
        dependencyConstraints: parseDependencyVersions(get('dependency-versions'), packageDir)
    };
}
/** Reads `dependency-versions` (the files it names are read here, before any build). */
function parseDependencyVersions(text, packageDir) {
    const value = text.trim();
    if (value === '' || value === 'latest')
        return { kind: 'latest' };
    if (value === 'pinned')
        return { kind: 'pinned' };
    let file = value;
    if (/^(file|packages):/.test(value)) {
        const parsed = parseKeyValue(value, 'dependency-versions', ['file', 'packages']);
        if (parsed.file && parsed.packages) {
            throw new UserError('cannot name both a file and packages', {
                key: 'dependency-versions',
                value,
                hint: 'use file: PATH or packages: NAME==VERSION ...'
            });
        }
        if (parsed.packages) {
            checkRequirements(parsed.packages, 'dependency-versions');
            return { kind: 'packages', packages: parsed.packages };
        }
        if (!parsed.file || parsed.file.length !== 1) {
            throw new UserError('names one file', {
                key: 'dependency-versions',
                value,
                hint: 'quote a path with spaces: file: "my constraints.txt"'
            });
        }
        file = parsed.file[0];
    }
    const full = path.resolve(packageDir, file);
    if (!fs__default.existsSync(full) || !fs__default.statSync(full).isFile()) {
        throw new UserError('names a constraints file that does not exist', {
            key: 'dependency-versions',
            value: full,
            hint: 'give a path relative to the project, or pinned, latest, or packages: ...'
        });
    }
    const { dir, name, ext } = path.parse(full);
    const byVersion = {};
    for (const sibling of fs__default.readdirSync(dir)) {
        const match = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-python3(\\d+)${ext.replace('.', '\\.')}$`).exec(sibling);
        if (match)
            byVersion[`3.${match[1]}`] =
                readConfigFile(path.join(dir, sibling), 'dependency-versions') ?? '';
    }
    return {
        kind: 'file',
        path: full,
        content: readConfigFile(full, 'dependency-versions') ?? '',
        byVersion
    };
}

/** The commands, in the order `wheelwright --help` lists them. */
const COMMAND_SPECS = [
    {
        name: 'plan',
        summary: 'List the identifiers a build would make, one a line, or the fan-out matrix as JSON (--matrix).',
        argument: { name: 'PACKAGE_DIR', input: 'package-dir' }
    },
    {
        name: 'build',
        summary: 'Build, repair and test a wheel for every selected identifier, into output-dir.',
        argument: { name: 'PACKAGE_DIR', input: 'package-dir' }
    },
    {
        name: 'sdist',
        summary: 'Build the source distribution into output-dir.',
        argument: { name: 'PACKAGE_DIR', input: 'package-dir' }
    },
    {
        name: 'publish',
        summary: 'Verify the wheels and sdist in DIST_DIR (one version, the tag, twine check), then upload them with twine.',
        argument: { name: 'DIST_DIR', input: 'dist-dir' }
    }
];
const ALL = ['build', 'plan', 'sdist', 'publish'];
const BUILD = ['build'];
/** The inputs that choose identifiers: a plan job and its build jobs take the same ones. */
const SELECTION = ['build', 'plan'];
/** Publishing: the publish command, and build with `publish: true`. */
const RELEASE = ['build', 'publish'];
/** Workflow artifacts: build and sdist upload one in the action. */
const ARTIFACT = ['build', 'sdist'];
/** The artifact name: `plan` also reads it, to name each group's artifact in the matrix. */
const ARTIFACT_NAMES = ['build', 'sdist', 'plan'];
const ARTIFACTS_ONLY_IN_ACTIONS = 'workflow artifacts exist only in a GitHub Actions run; on the command line the files stay in output-dir';
const CIBUILDWHEEL = ['pypa/cibuildwheel'];
const PYPI_PUBLISH = ['pypa/gh-action-pypi-publish'];
const UPLOAD_ARTIFACT = ['actions/upload-artifact'];
/** gh-action-pypi-publish's older spellings, which v1 still reads. */
const UNDERSCORE_ONLY_IN_ACTIONS = "gh-action-pypi-publish's older underscore spelling is read only in the action; on the command line use the kebab-case flag";
const fromConfig = 'from config';
const INPUTS = [
    {
        name: 'command',
        actionOnly: 'the command is the first word on the command line: wheelwright build, plan, sdist or publish',
        commands: ALL,
        default: 'build',
        actionDefault: 'build',
        description: '`build`, `plan`, `sdist` or `publish`.'
    },
    {
        name: 'package-dir',
        from: CIBUILDWHEEL,
        // publish too: its pyproject.toml's [tool.wheelwright] holds repository-url and the like.
        commands: ALL,
        metavar: 'DIR',
        default: '.',
        actionDefault: '.',
        description: 'The project, the directory of its pyproject.toml; may also be an sdist `.tar.gz`.'
    },
    {
        name: 'output-dir',
        from: CIBUILDWHEEL,
        commands: ['build', 'sdist'],
        metavar: 'DIR',
        default: 'wheelhouse',
        description: 'Where finished wheels go (`CIBW_OUTPUT_DIR` is honoured).'
    },
    {
        name: 'config-file',
        from: CIBUILDWHEEL,
        commands: ALL,
        metavar: 'FILE',
        default: '{package}/pyproject.toml',
        description: 'cibuildwheel-compatible config file; `{package}` is replaced by package-dir.'
    },
    {
        name: 'platform',
        commands: SELECTION,
        metavar: 'PLATFORM',
        default: 'auto',
        description: `${listing(['auto', ...platformList().map(p => p.name)].map(n => `\`${n}\``), 'or')} (\`CIBW_PLATFORM\` is honoured).`
    },
    {
        name: 'archs',
        commands: SELECTION,
        metavar: 'ARCHS',
        default: 'auto',
        description: 'As cibuildwheel: `auto`, `native`, `all`, `auto64`, `auto32`, or a list.'
    },
    {
        name: 'build',
        commands: SELECTION,
        metavar: 'SELECTOR',
        default: fromConfig,
        description: 'Identifiers to build (cibuildwheel selector: brace expansion and fnmatch).'
    },
    {
        name: 'skip',
        commands: SELECTION,
        metavar: 'SELECTOR',
        default: fromConfig,
        description: 'Identifiers to skip.'
    },
    {
        name: 'test-skip',
        commands: BUILD,
        metavar: 'SELECTOR',
        default: fromConfig,
        description: 'Identifiers whose tests are skipped.'
    },
    {
        name: 'enable',
        commands: SELECTION,
        metavar: 'GROUPS',
        default: fromConfig,
        description: 'Extra groups: `cpython-prerelease`, `pypy`, `pypy-eol`, `graalpy`, ... or `all`; added to the config.'
    },
    {
        name: 'only',
        from: CIBUILDWHEEL,
        commands: SELECTION,
        metavar: 'IDENTIFIER',
        default: '',
        description: 'A single identifier to build (fan-out); platform and archs come from it.'
    },
    {
        name: 'group',
        commands: BUILD,
        metavar: 'GROUP',
        default: '',
        description: 'One group name from the `plan` matrix: build only its identifiers.'
    },
    {
        name: 'python-versions',
        commands: SELECTION,
        metavar: 'SPECIFIER',
        default: '',
        description: 'A PEP 440 specifier such as `>=3.10` or `>=3.10,<3.13`, ANDed with `build` and `requires-python`.'
    },
    {
        name: 'build-frontend',
        commands: BUILD,
        metavar: 'FRONTEND',
        default: 'build',
        description: '`build`, `build[uv]`, `pip` or `uv`, optionally `; args: ...`.'
    },
    {
        name: 'config-settings',
        commands: BUILD,
        metavar: 'SETTINGS',
        default: fromConfig,
        description: 'PEP 517 config settings, `key=value` pairs.'
    },
    {
        name: 'environment',
        commands: BUILD,
        metavar: 'ASSIGNMENTS',
        default: fromConfig,
        description: 'Environment assignments for the build (`$VAR` and `$(cmd)` are evaluated where the build runs).'
    },
    {
        name: 'environment-pass',
        commands: BUILD,
        metavar: 'NAMES',
        default: fromConfig,
        description: 'Names of runner variables passed into the Linux container.'
    },
    {
        name: 'before-all',
        commands: BUILD,
        metavar: 'COMMAND',
        default: fromConfig,
        description: 'Command run once per container (Linux) or once per job.'
    },
    {
        name: 'before-build',
        commands: BUILD,
        metavar: 'COMMAND',
        default: fromConfig,
        description: 'Command run before each build.'
    },
    {
        name: 'repair-wheel-command',
        commands: BUILD,
        metavar: 'COMMAND',
        default: 'per platform',
        description: 'Repair command; `{wheel}` and `{dest_dir}` are replaced. Empty disables repair.'
    },
    {
        name: 'test-command',
        commands: BUILD,
        metavar: 'COMMAND',
        default: fromConfig,
        description: 'Test command, run in a fresh venv outside the project; `{project}`, `{package}` and `{wheel}` are replaced.'
    },
    {
        name: 'test-requires',
        commands: BUILD,
        metavar: 'REQUIREMENTS',
        default: fromConfig,
        description: 'Requirements installed before testing.'
    },
    {
        name: 'test-extras',
        commands: BUILD,
        metavar: 'EXTRAS',
        default: fromConfig,
        description: 'Extras of the package installed for testing.'
    },
    {
        name: 'before-test',
        commands: BUILD,
        metavar: 'COMMAND',
        default: fromConfig,
        description: 'Command run in the test venv before the wheel is installed.'
    },
    {
        name: 'container-engine',
        commands: BUILD,
        metavar: 'ENGINE',
        default: 'docker',
        description: '`docker` or `podman`, optionally `; create_args: ...` as in cibuildwheel.'
    },
    {
        name: 'container',
        commands: BUILD,
        metavar: 'MODE',
        default: 'auto',
        description: '`auto` (Linux: the configured engine, else podman; an error when none works), `on`, or `off` (host build).'
    },
    // The inputs only one platform reads, from its module (e.g. Linux's image policies).
    ...platformList().flatMap(p => p.options.inputs ?? []),
    {
        name: 'parallel',
        commands: BUILD,
        metavar: 'N',
        default: 'auto',
        description: 'How many identifiers build at once (`auto` = CPU count, `1` = sequential).'
    },
    {
        name: 'fail-fast',
        commands: BUILD,
        default: 'true',
        boolean: true,
        description: 'Stop at the first failed identifier; `false` builds the rest and fails at the end.'
    },
    {
        name: 'max-per-job',
        commands: ['plan', 'build'],
        metavar: 'N',
        default: '0',
        description: "For `plan`: split each runner's identifiers into balanced groups of at most this many (0 = one group)."
    },
    {
        name: 'cache',
        commands: BUILD,
        default: 'true',
        boolean: true,
        description: 'Restore and save wheels keyed by content (the wheel cache). Kept build venvs and the tools venv stay either way.'
    },
    {
        name: 'cache-skip-tests',
        commands: BUILD,
        default: 'false',
        boolean: true,
        description: 'Skip the tests of wheels restored from the cache.'
    },
    {
        name: 'compiler-cache',
        commands: BUILD,
        metavar: 'MODE',
        default: 'auto',
        description: 'Cache compiled objects across identifiers and runs: `auto` (sccache, off with one warning when it cannot run), `sccache`, `ccache` or `off`.'
    },
    {
        name: 'upload-artifact',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        default: 'true',
        boolean: true,
        description: "Upload this job's wheels (and the sdist, when built) as one artifact."
    },
    {
        name: 'artifact-name',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT_NAMES,
        default: 'wheels-{os}-{arch}[-{group}]',
        description: "Artifact name template (`{os}`, `{arch}`, `{group}`; `[...]` is dropped when its placeholder is empty); must be unique per job. `plan` puts each group's name in the matrix (`artifact-name`) and refuses a matrix whose groups would share one."
    },
    {
        name: 'overwrite',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        from: UPLOAD_ARTIFACT,
        default: 'false',
        boolean: true,
        description: 'Delete an artifact of the same name in this run before uploading (as upload-artifact); `false` fails on a name taken.'
    },
    {
        name: 'if-no-files-found',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        from: UPLOAD_ARTIFACT,
        metavar: 'MODE',
        default: 'warn',
        description: 'When the job made no file to upload (as upload-artifact): `warn`, `error` (fail the step) or `ignore`.'
    },
    {
        name: 'artifact-retention-days',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        default: 'repository setting',
        description: 'Days to keep the artifact (1-90); empty or 0 uses the repository setting.'
    },
    {
        name: 'artifact-compression-level',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        default: '0',
        description: 'Zip level of the artifact, 0-9; 0 stores, as wheels and sdists are already compressed.'
    },
    {
        name: 'artifact-pattern',
        actionOnly: 'the action downloads artifacts into dist-dir; on the command line, publish takes DIST_DIR as it is',
        commands: ['publish'],
        default: 'wheels-* sdist*',
        description: "`publish` in the action: this run's artifacts to download (space-separated fnmatch patterns)."
    },
    {
        name: 'dist-dir',
        commands: ['publish'],
        metavar: 'DIR',
        default: 'dist',
        description: '`publish`: the directory of wheels and sdists to upload; the action downloads the artifacts into it first.'
    },
    {
        name: 'sdist',
        commands: BUILD,
        default: 'false',
        boolean: true,
        description: 'Also build the sdist (in `build` mode) and upload it.'
    },
    {
        name: 'publish',
        commands: RELEASE,
        metavar: 'MODE',
        default: 'false',
        description: '`false`, `true`, or `tag` (publish only on a tag ref).'
    },
    {
        name: 'repository-url',
        from: PYPI_PUBLISH,
        commands: RELEASE,
        metavar: 'URL',
        default: 'https://upload.pypi.org/legacy/',
        description: 'Upload URL of any twine-compatible index.'
    },
    {
        name: 'username',
        commands: RELEASE,
        metavar: 'NAME',
        default: '__token__',
        description: 'Index user name; `__token__` for API tokens and trusted publishing.'
    },
    {
        name: 'password',
        from: PYPI_PUBLISH,
        commands: RELEASE,
        default: '',
        description: 'API token (or `TWINE_PASSWORD` in the environment); empty means trusted publishing (OIDC).'
    },
    {
        name: 'skip-existing',
        from: PYPI_PUBLISH,
        commands: RELEASE,
        default: 'false',
        boolean: true,
        description: 'Do not fail when a file is already on the index.'
    },
    {
        name: 'attestations',
        from: PYPI_PUBLISH,
        commands: RELEASE,
        default: 'true',
        boolean: true,
        description: 'Make PEP 740 attestations when trusted publishing.'
    },
    {
        name: 'verify-tag',
        commands: RELEASE,
        default: 'true',
        boolean: true,
        description: 'On a tag ref, refuse to publish unless the tag equals the package version.'
    },
    {
        name: 'verify-metadata',
        commands: RELEASE,
        from: PYPI_PUBLISH,
        default: 'true',
        boolean: true,
        description: 'Run `twine check` on every file before uploading; `false` skips it.'
    },
    {
        name: 'print-hash',
        commands: RELEASE,
        from: PYPI_PUBLISH,
        default: 'false',
        boolean: true,
        description: 'Print the sha256 of each file before uploading, in `sha256sum` format.'
    },
    {
        name: 'verbose',
        commands: RELEASE,
        from: PYPI_PUBLISH,
        default: 'false',
        boolean: true,
        description: 'Run `twine upload --verbose`, which shows each request and response.'
    },
    {
        name: 'index-timeout',
        commands: RELEASE,
        metavar: 'SECONDS',
        default: '120',
        description: 'Seconds each request to the index (a lookup, a token exchange, the upload of one file) may take; it is tried 3 times in all, then the publish fails naming the URL.'
    },
    {
        name: 'dry-run',
        commands: ['build', 'sdist', 'publish'],
        default: 'false',
        boolean: true,
        description: '`build`: print the full plan of steps (argv, env, container) as JSON and build nothing; `sdist`: print what it would run; `publish`: run every check (the files, the tag, twine check, the index lookups) and print what would be uploaded, and where. Never uploads anything.'
    },
    {
        name: 'print-identifiers',
        commands: ['plan'],
        default: 'false',
        boolean: true,
        cliOnly: true,
        description: '`plan`: print one identifier per line.'
    },
    {
        name: 'matrix',
        commands: ['plan'],
        default: 'false',
        boolean: true,
        cliOnly: true,
        description: '`plan`: print the fan-out matrix JSON.'
    },
    {
        name: 'cache-dir',
        commands: ['build', 'sdist', 'publish'],
        metavar: 'DIR',
        default: '$XDG_CACHE_HOME/wheelwright',
        cliOnly: true,
        description: 'Local wheel cache directory.'
    },
    {
        name: 'log-format',
        commands: ALL,
        metavar: 'FORMAT',
        default: 'text',
        cliOnly: true,
        description: '`text`, the log to read, or `json`: one JSON object a line on stderr (each step started, its output, its end and time; messages; outputs) for scripts.'
    },
    {
        name: 'allow-empty',
        commands: BUILD,
        default: 'false',
        boolean: true,
        description: 'Succeed when nothing is selected (`CIBW_ALLOW_EMPTY` is honoured).'
    },
    // Other actions' names, so that their users can switch without renaming.
    {
        name: 'packages-dir',
        commands: ['publish'],
        metavar: 'DIR',
        aliasOf: 'dist-dir',
        from: PYPI_PUBLISH,
        default: '',
        description: "`dist-dir`, under pypa/gh-action-pypi-publish's name."
    },
    {
        name: 'user',
        commands: RELEASE,
        metavar: 'NAME',
        aliasOf: 'username',
        from: PYPI_PUBLISH,
        default: '',
        description: "`username`, under pypa/gh-action-pypi-publish's name."
    },
    // gh-action-pypi-publish v1 still reads its older underscore names, and
    // declares their defaults on them: each must be read, or a workflow that
    // only changed its `uses:` line would publish to PyPI instead of its index.
    ...[
        ['repository_url', 'repository-url'],
        ['packages_dir', 'dist-dir'],
        ['verify_metadata', 'verify-metadata'],
        ['skip_existing', 'skip-existing'],
        ['print_hash', 'print-hash']
    ].map(([name, target]) => ({
        name,
        commands: target === 'dist-dir' ? ['publish'] : RELEASE,
        aliasOf: target,
        actionOnly: UNDERSCORE_ONLY_IN_ACTIONS,
        from: PYPI_PUBLISH,
        // A boolean alias documents its target's default; action.yml leaves it empty.
        ...(target === 'verify-metadata'
            ? { boolean: true, default: 'true' }
            : target === 'skip-existing' || target === 'print-hash'
                ? { boolean: true, default: 'false' }
                : { default: '' }),
        description: `\`${target}\`, under pypa/gh-action-pypi-publish's older underscore name.`
    })),
    {
        name: 'name',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT_NAMES,
        aliasOf: 'artifact-name',
        from: UPLOAD_ARTIFACT,
        default: '',
        description: "`artifact-name`, under actions/upload-artifact's name."
    },
    {
        name: 'retention-days',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        aliasOf: 'artifact-retention-days',
        from: UPLOAD_ARTIFACT,
        default: '',
        description: "`artifact-retention-days`, under actions/upload-artifact's name."
    },
    {
        name: 'compression-level',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        aliasOf: 'artifact-compression-level',
        from: UPLOAD_ARTIFACT,
        default: '',
        description: "`artifact-compression-level`, under actions/upload-artifact's name."
    },
    {
        name: 'path',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        noEffect: 'the artifact holds the wheels this job built in output-dir (and the sdist, when built), not a path given',
        from: UPLOAD_ARTIFACT,
        default: '',
        description: "actions/upload-artifact's files to upload; accepted with a warning, as the artifact holds this job's wheels and sdist."
    },
    {
        name: 'include-hidden-files',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        noEffect: 'the artifact holds only wheels and the sdist, never hidden files',
        from: UPLOAD_ARTIFACT,
        default: '',
        description: "actions/upload-artifact's hidden-file switch; accepted with a warning, as the artifact holds only distributions."
    },
    {
        name: 'archive',
        actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
        commands: ARTIFACT,
        noEffect: 'the artifact is always one zip of the wheels and the sdist',
        from: UPLOAD_ARTIFACT,
        default: '',
        description: "actions/upload-artifact's raw single-file upload; accepted with a warning, as the artifact is one zip."
    },
    {
        name: 'extras',
        commands: BUILD,
        metavar: 'EXTRAS',
        noEffect: 'wheelwright installs uv itself when build-frontend is uv or build[uv], and needs no other extras',
        from: CIBUILDWHEEL,
        default: '',
        description: "pypa/cibuildwheel's extras of cibuildwheel itself (`uv`); accepted with a warning, as wheelwright provisions uv itself."
    }
];

/**
 * The structure of `[tool.cibuildwheel]` and `[tool.wheelwright]`: unknown
 * keys (an error with the nearest known key), value shapes, platform tables, and the
 * `[[overrides]]` list with its inherit rules.
 */
/**
 * Every key of `[tool.cibuildwheel]` (its platform tables included) and of
 * `[tool.wheelwright]` is known and of a shape its option takes, whether or
 * not an input overrides it in this run. An unknown key is refused, as
 * cibuildwheel refuses it ("not supported in a config file").
 */
function checkConfigTables(project) {
    const optionNames = OPTION_SPECS.map(s => s.name);
    const known = new Set([...optionNames, ...STRUCTURAL_KEYS]);
    const unknown = (key, name, candidates) => {
        const suggestion = closest(name, candidates);
        return new UserError('is not an option', {
            key,
            hint: suggestion ? `did you mean ${suggestion}?` : 'see the list of options in the README'
        });
    };
    const check = (table, prefix, names) => {
        for (const [name, value] of Object.entries(table)) {
            const key = `${prefix}.${name}`;
            if (!names.has(name))
                throw unknown(key, name, names);
            const spec = SPECS_BY_NAME.get(name);
            if (spec)
                optionText(value, spec, key);
        }
    };
    const global = { ...project.cibuildwheel };
    for (const table of ['overrides', ...PLATFORM_TABLES])
        delete global[table];
    check(global, 'tool.cibuildwheel', known);
    for (const table of PLATFORM_TABLES) {
        const value = project.cibuildwheel[table];
        if (value === undefined)
            continue;
        if (typeof value !== 'object' || Array.isArray(value)) {
            throw new UserError('must be a table', {
                key: `tool.cibuildwheel.${table}`,
                value: String(value)
            });
        }
        check(value, `tool.cibuildwheel.${table}`, new Set(optionNames));
        for (const name of Object.keys(value)) {
            const owner = platformList().find(p => p.options.own?.test(name));
            if (owner && owner.name !== table) {
                throw new UserError(`only applies to ${owner.name}`, {
                    key: `tool.cibuildwheel.${table}.${name}`,
                    hint: `move it to [tool.cibuildwheel.${owner.name}] or [tool.cibuildwheel]`
                });
            }
        }
    }
    for (const name of ['name', 'version', 'requires-python']) {
        const value = project.project[name];
        if (value !== undefined && typeof value !== 'string') {
            throw new UserError('must be a string', {
                key: `project.${name}`,
                value: JSON.stringify(value),
                ...(name === 'requires-python' ? { hint: 'write a specifier such as ">=3.9"' } : {})
            });
        }
    }
    const ourKeys = new Set(WHEELWRIGHT_KEYS);
    for (const [name, value] of Object.entries(project.wheelwright)) {
        const key = `tool.wheelwright.${name}`;
        if (!ourKeys.has(name))
            throw unknown(key, name, ourKeys);
        if (typeof value === 'object') {
            throw new UserError('must be a string, number or boolean', {
                key,
                value: JSON.stringify(value)
            });
        }
    }
}
const NOT_OVERRIDABLE = [
    'build',
    'skip',
    'test-skip',
    'archs',
    'enable',
    'output-dir'
];
function parseOverrides(config) {
    const raw = config.overrides;
    if (raw === undefined)
        return [];
    if (!Array.isArray(raw)) {
        throw new UserError('must be an array of tables', {
            key: 'tool.cibuildwheel.overrides',
            hint: 'write each override as [[tool.cibuildwheel.overrides]]'
        });
    }
    return raw.map((entry, index) => {
        const key = `tool.cibuildwheel.overrides[${index}]`;
        if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
            throw new UserError('must be a table', { key });
        }
        const { select, inherit = {}, ...options } = entry;
        const selectText = Array.isArray(select) ? select.map(String).join(' ') : select;
        if (typeof selectText !== 'string' || selectText.trim() === '') {
            throw new UserError('needs a select pattern', {
                key: `${key}.select`,
                hint: 'add select = "cp312-*" (or a list of patterns)'
            });
        }
        for (const name of Object.keys(options)) {
            if (NOT_OVERRIDABLE.includes(name)) {
                throw new UserError('cannot be overridden per identifier', {
                    key: `${key}.${name}`,
                    hint: 'set it in [tool.cibuildwheel] instead'
                });
            }
            const spec = SPECS_BY_NAME.get(name);
            if (!spec) {
                const suggestion = closest(name, SPECS_BY_NAME.keys());
                throw new UserError('unknown option in override', {
                    key: `${key}.${name}`,
                    hint: suggestion ? `did you mean ${suggestion}?` : 'see the cibuildwheel options'
                });
            }
            optionText(options[name], spec, `${key}.${name}`);
        }
        const rules = {};
        for (const [name, rule] of Object.entries(inherit)) {
            if (rule !== 'none' && rule !== 'append' && rule !== 'prepend') {
                throw new UserError('is not an inherit rule', {
                    key: `${key}.inherit.${name}`,
                    value: String(rule),
                    hint: 'use none, append or prepend'
                });
            }
            rules[name] = rule;
        }
        expandPatterns(selectText, `${key}.select`);
        return { select: selectText, inherit: rules, options };
    });
}

/**
 * Pure resolution of every option source into one frozen `Options`:
 * action inputs / CLI flags, `[tool.cibuildwheel]` (platform tables and
 * overrides), `CIBW_*` variables and `[tool.wheelwright]`. Every value is
 * checked and every path made absolute here, before any work starts.
 */
const COMMANDS = ['build', 'plan', 'sdist', 'publish'];
/** The options that hold shell commands, with placeholders. */
const COMMAND_OPTIONS = [
    'before-all',
    'before-build',
    'repair-wheel-command',
    'before-test',
    'test-command',
    'audit-command'
];
/** wheelwright's cache dir on this machine: `$XDG_CACHE_HOME/wheelwright` or `~/.cache/wheelwright`. */
function defaultCacheDir(env) {
    const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
    return path.join(base, 'wheelwright');
}
/** Resolves the options; an error about a value from a config file names the file and line. */
function resolveOptions(input) {
    const seen = {};
    try {
        return resolveWith(input, seen);
    }
    catch (error) {
        throw locateError(error, input.sources ?? {}, seen.cascade);
    }
}
function resolveWith(input, seen) {
    const { inputs, env, runner, project } = input;
    const cwd = input.cwd ?? process.cwd();
    const warnings = [];
    const get = (name) => nonEmpty(inputs.get(name));
    const ours = (name) => {
        const fromInput = get(name);
        if (fromInput !== undefined)
            return { value: fromInput, key: name };
        const fromToml = project.wheelwright[name];
        if (fromToml === undefined)
            return { key: `tool.wheelwright.${name}` };
        if (typeof fromToml === 'object') {
            throw new UserError('must be a string, number or boolean', {
                key: `tool.wheelwright.${name}`,
                value: JSON.stringify(fromToml)
            });
        }
        return { value: String(fromToml), key: `tool.wheelwright.${name}` };
    };
    const bool = (name, fallback) => {
        const { value, key } = ours(name);
        return value === undefined ? fallback : booleanValue(value, key);
    };
    const command = parseCommand$1(get('command') ?? 'build');
    const only = get('only');
    const platform = resolvePlatform(only, get('platform'), env, runner);
    if (only && get('archs')) {
        throw new UserError('cannot be combined with archs; only names one identifier', {
            key: 'only',
            value: only,
            hint: 'drop archs, or use build to select several identifiers'
        });
    }
    checkConfigTables(project);
    const overrides = parseOverrides(project.cibuildwheel);
    const cascade = {
        platform,
        platformDefaults: platformNamed(platform).options.defaults,
        config: project.cibuildwheel,
        overrides,
        env,
        inputs: expandImageInputs(inputs)
    };
    seen.cascade = cascade;
    const option = (name, identifier) => {
        const spec = SPECS_BY_NAME.get(name);
        if (!spec)
            throw new Error(`unknown option ${name}`);
        return resolveOption(spec, cascade, identifier);
    };
    for (const [name, reason] of Object.entries(NO_EFFECT)) {
        const spec = SPECS_BY_NAME.get(name);
        const value = option(name);
        if (value !== spec.defaults.all && !(name === 'xbuild-tools' && value === '\u0000'))
            warnings.push(`${name}: ${reason}; ignored on ${platform} (got ${JSON.stringify(value)})`);
    }
    for (const name of COMMAND_OPTIONS) {
        const unknown = unknownPlaceholders(option(name));
        if (unknown.length > 0)
            warnings.push(`${name}: ${unknown.map(u => `{${u}}`).join(', ')} is no placeholder and reaches the shell as written ` +
                `(placeholders: ${Object.keys(PLACEHOLDER_VARS)
                    .map(p => `{${p}}`)
                    .join(', ')})`);
    }
    let build = option('build') || '*';
    let skip = option('skip');
    const testSkip = option('test-skip');
    // Bounded before anything matches them.
    for (const [name, value] of [
        ['build', build],
        ['skip', skip],
        ['test-skip', testSkip]
    ])
        expandPatterns(value, name);
    let enable = parseEnable(option('enable'), 'enable');
    let archs = parseArchs(option('archs'), platform, runner);
    if (only) {
        build = only;
        skip = '';
        archs = new Set([archOfIdentifier(only)]);
        enable = new Set(ENABLE_GROUPS);
    }
    else {
        checkAllowedArchs(archs, platform);
    }
    const requiresPythonSource = env.CIBW_PROJECT_REQUIRES_PYTHON
        ? { text: env.CIBW_PROJECT_REQUIRES_PYTHON, key: 'CIBW_PROJECT_REQUIRES_PYTHON' }
        : typeof project.project['requires-python'] === 'string'
            ? { text: project.project['requires-python'], key: 'project.requires-python' }
            : input.legacyRequiresPython
                ? { text: input.legacyRequiresPython, key: 'python_requires' }
                : undefined;
    const requiresPython = requiresPythonSource ? pep440Range(requiresPythonSource) : undefined;
    const pythonVersionsText = ours('python-versions');
    const pythonVersions = pythonVersionsText.value
        ? pythonVersionsRange(pythonVersionsText.value, pythonVersionsText.key)
        : undefined;
    const parallel = parseParallel(ours('parallel'), input.cpuCount ?? os.availableParallelism());
    const maxPerJob = positiveInt(ours('max-per-job'), 0);
    const container = parseChoice(ours('container'), ['auto', 'on', 'off'], 'auto');
    const dryRun = booleanValue(get('dry-run') ?? 'false', 'dry-run');
    const simulated = dryRun && runner.platform !== (input.machine ?? thisMachine()).platform;
    const cacheGiven = ours('cache-dir').value;
    const cacheDir = cacheGiven
        ? path.resolve(cwd, cacheGiven)
        : simulated
            ? platformNamed(runner.platform).runners.hosted.cache
            : defaultCacheDir(env);
    const engineInput = get('container-engine') ?? env.CIBW_CONTAINER_ENGINE;
    if (container === 'off' && engineInput) {
        throw new UserError('conflicts with container: off', {
            key: 'container-engine',
            value: engineInput,
            hint: 'use container: on (or auto) to build in a container, or drop container-engine'
        });
    }
    const memo = new Map();
    const buildOptions = (identifier) => {
        let found = memo.get(identifier);
        if (!found) {
            try {
                found = Object.freeze(resolveBuildOptions(identifier, option, platformNamed(platform), input.packageDir, project.dependencyGroups, (name, id) => optionSourcePath(SPECS_BY_NAME.get(name), cascade, id) === 'default'));
            }
            catch (error) {
                throw locateError(error, input.sources ?? {}, cascade, identifier);
            }
            memo.set(identifier, found);
        }
        return found;
    };
    const options = {
        command,
        packageDir: input.packageDir,
        projectDir: projectOf(input.packageDir, cwd, !!input.sdistInput),
        packageInput: input.packageInput,
        sdistInput: input.sdistInput,
        configFile: input.configFile,
        outputDir: path.resolve(cwd, get('output-dir') ?? nonEmpty(env.CIBW_OUTPUT_DIR) ?? 'wheelhouse'),
        platform,
        runner,
        simulated,
        archs,
        selector: {
            build,
            skip,
            enable,
            requiresPython,
            pythonVersions
        },
        build,
        skip,
        testSkip,
        enable,
        requiresPython: requiresPythonSource?.text,
        pythonVersions: pythonVersionsText.value,
        only,
        group: get('group'),
        allowEmpty: bool('allow-empty', false) || parseBoolean(env.CIBW_ALLOW_EMPTY ?? '') === true,
        parallel,
        failFast: bool('fail-fast', true),
        container,
        cache: bool('cache', true),
        cacheDir,
        cacheSkipTests: bool('cache-skip-tests', false),
        compilerCache: parseCompilerCache(ours('compiler-cache'), COMPILER_CACHE_MODES),
        ...(project.buildBackend ? { buildBackend: project.buildBackend } : {}),
        maxPerJob,
        dryRun,
        printIdentifiers: booleanValue(get('print-identifiers') ?? 'false', 'print-identifiers'),
        matrix: booleanValue(get('matrix') ?? 'false', 'matrix'),
        platformSettings: Object.fromEntries(platformList()
            .flatMap(p => p.options.settings ?? [])
            .map(setting => {
            if (setting.boolean)
                return [setting.name, bool(setting.name, false)];
            const { value, key } = ours(setting.name);
            if (value !== undefined)
                setting.check?.(value, key);
            return [setting.name, value];
        })),
        sdist: bool('sdist', false),
        publish: resolvePublishOptions({
            input: get,
            ours: name => ours(name),
            bool: (name, fallback) => bool(name, fallback),
            env,
            cwd
        }),
        warnings,
        buildOptions
    };
    return Object.freeze(options);
}
function parseCommand$1(value) {
    if (COMMANDS.includes(value))
        return value;
    throw new UserError('unknown command', {
        key: 'command',
        value,
        hint: `use one of ${COMMANDS.join(', ')}`
    });
}
function resolvePlatform(only, platformInput, env, runner) {
    if (only && platformInput && platformInput !== 'auto') {
        throw new UserError('cannot be combined with platform; the platform comes from the identifier', {
            key: 'only',
            value: only,
            hint: 'drop platform when you give only'
        });
    }
    if (only)
        return platformOfIdentifier(only);
    const fromInput = platformInput ? parsePlatformName(platformInput, 'platform') : 'auto';
    const fromEnv = nonEmpty(env.CIBW_PLATFORM);
    const chosen = fromInput !== 'auto'
        ? fromInput
        : fromEnv
            ? parsePlatformName(fromEnv, 'CIBW_PLATFORM')
            : 'auto';
    return chosen === 'auto' ? runner.platform : chosen;
}
/** An input that sets several options (`manylinux-image`: the image of every arch) sets each. */
function expandImageInputs(inputs) {
    const result = new Map();
    for (const [name, raw] of inputs) {
        const prefix = INPUTS.find(input => input.name === name)?.setsEvery;
        if (prefix !== undefined) {
            const value = nonEmpty(raw);
            if (value === undefined)
                continue;
            for (const spec of OPTION_SPECS) {
                if (spec.name.startsWith(prefix) && !result.has(spec.name))
                    result.set(spec.name, value);
            }
        }
        else {
            // A value given empty (`--repair-wheel-command ''`) means empty, as in
            // CIBW_* and TOML. The action never passes one: an empty input is unset.
            result.set(name, raw.trim());
        }
    }
    return result;
}
/** cibuildwheel's project: the working directory, when it holds the package. */
function projectOf(packageDir, cwd, fromSdist) {
    if (fromSdist)
        return packageDir;
    const relative = path.relative(cwd, packageDir);
    const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    return inside ? path.resolve(cwd) : packageDir;
}

/**
 * Gathers the option sources from disk (the effects), then resolves them with
 * the pure resolveOptions. An sdist given as package-dir is unpacked first.
 */
const PROJECT_FILES = ['pyproject.toml', 'setup.cfg', 'setup.py'];
/** Parses a config file; an error in it names the file and, where known, the line. */
function parseConfig(source, label) {
    try {
        return parsePyproject(source.text, label, source.file);
    }
    catch (error) {
        throw locateError(error, { tool: source, project: source });
    }
}
async function loadOptions({ inputs, env, runner, cwd }) {
    const packageInput = inputs.get('package-dir')?.trim() || '.';
    const packagePath = path.resolve(cwd, packageInput);
    const command = inputs.get('command')?.trim() || 'build';
    let packageDir = packagePath;
    let sdistInput;
    const stat = fs__default.statSync(packagePath, { throwIfNoEntry: false });
    if (!stat) {
        throw new UserError('does not exist', {
            key: 'package-dir',
            value: packageInput,
            hint: 'point it at the directory holding pyproject.toml (or setup.py), or at an sdist .tar.gz'
        });
    }
    if (stat.isFile()) {
        if (!packagePath.endsWith('.tar.gz')) {
            throw new UserError('is a file but not an sdist', {
                key: 'package-dir',
                value: packageInput,
                hint: 'give a project directory or a source distribution ending in .tar.gz'
            });
        }
        sdistInput = packagePath;
        packageDir = await unpackSdist(packagePath, packageInput);
    }
    else if (command !== 'publish' &&
        !PROJECT_FILES.some(f => fs__default.existsSync(path.join(packageDir, f)))) {
        throw new UserError('holds no pyproject.toml, setup.cfg or setup.py', {
            key: 'package-dir',
            value: packageInput,
            hint: 'point it at the root of the Python project'
        });
    }
    // An unpacked sdist is removed on any error from here on (and by main when the command ends).
    try {
        const configInput = inputs.get('config-file')?.trim();
        const configFile = configInput
            ? path.resolve(cwd, configInput.replaceAll('{package}', packageDir))
            : path.join(packageDir, 'pyproject.toml');
        let config = { cibuildwheel: {}, wheelwright: {}, project: {} };
        const sources = {};
        const toolText = readConfigFile(configFile, configInput ? 'config-file' : 'pyproject.toml');
        if (toolText !== undefined) {
            sources.tool = { file: configFile, text: toolText };
            config = parseConfig(sources.tool, configInput ? 'config-file' : 'pyproject.toml');
        }
        else if (configInput) {
            throw new UserError('does not exist', {
                key: 'config-file',
                value: configInput,
                hint: 'check the path'
            });
        }
        const projectToml = path.join(packageDir, 'pyproject.toml');
        const projectText = projectToml === configFile ? undefined : readConfigFile(projectToml, 'pyproject.toml');
        if (projectToml === configFile)
            sources.project = sources.tool;
        else if (projectText === undefined) {
            // The build backend is the project's own, never a separate config file's.
            const { buildBackend: _ignored, ...rest } = config;
            config = rest;
        }
        else {
            sources.project = { file: projectToml, text: projectText };
            const own = parseConfig(sources.project, 'pyproject.toml');
            config = {
                ...config,
                project: own.project,
                dependencyGroups: own.dependencyGroups,
                buildBackend: own.buildBackend
            };
        }
        let legacyRequiresPython;
        if (typeof config.project['requires-python'] !== 'string') {
            const read = (name) => readConfigFile(path.join(packageDir, name), name);
            const cfg = read('setup.cfg');
            const py = read('setup.py');
            legacyRequiresPython =
                (cfg !== undefined ? setupCfgRequiresPython(cfg) : undefined) ??
                    (py !== undefined ? setupPyRequiresPython(py) : undefined);
        }
        return resolveOptions({
            inputs,
            env,
            runner,
            project: config,
            legacyRequiresPython,
            packageDir,
            packageInput,
            sdistInput,
            configFile: sources.tool ? configFile : undefined,
            cwd,
            sources
        });
    }
    catch (error) {
        if (sdistInput)
            fs__default.rmSync(path.dirname(packageDir), { recursive: true, force: true });
        throw error;
    }
}

/**
 * The command line → a command, its one positional argument and flags.
 *
 * Tokens come from node's own `util.parseArgs` (built in, so nothing is added
 * to the bundle, and stable on Node 20 and 24). It runs with `strict: false`
 * and `tokens: true` because the rules here are ours to keep: a boolean also
 * takes `--name true|false` as two words, an unknown flag is answered with the
 * closest known one, and `--password` is refused without echoing its value.
 * Its strict mode would reject `--dry-run=false` and report errors in its own
 * words. commander was the other candidate; its optional-value booleans would
 * swallow a positional (`--dry-run pkg`), and its help cannot be the inputs
 * table without rewriting most of it.
 *
 * Which flags a command accepts is decided later (input-rules.ts); this
 * module only reads the words.
 */
/** Flags of the program itself, not inputs. */
const GLOBAL_FLAGS$1 = ['help', 'version', 'debug', 'password-stdin'];
const BY_NAME$1 = new Map(INPUTS.map(i => [i.name, i]));
/** What util.parseArgs needs to know: which flags take a value, and `-h`. */
const PARSE_OPTIONS = Object.fromEntries([
    ...INPUTS.map(spec => [spec.name, { type: spec.boolean ? 'boolean' : 'string' }]),
    ...GLOBAL_FLAGS$1.map(name => [name, { type: 'boolean', ...(name === 'help' ? { short: 'h' } : {}) }])
]);
function unknownFlag(raw, name) {
    const negated = /^no-(.+)$/.exec(name)?.[1];
    if (negated && BY_NAME$1.get(negated)?.boolean) {
        return new UserError('unknown flag', { key: raw, hint: `write --${negated}=false` });
    }
    const suggestion = raw.startsWith('--') ? closest(name, BY_NAME$1.keys()) : undefined;
    return new UserError('unknown flag', {
        key: raw,
        hint: suggestion ? `did you mean --${suggestion}?` : 'see wheelwright --help'
    });
}
/** `--archs --platform linux`: the next word is a flag, not the value. */
function isFlag(word) {
    const name = /^--([^=]+)/.exec(word)?.[1];
    return (name !== undefined && (BY_NAME$1.has(name) || GLOBAL_FLAGS$1.includes(name)));
}
function notBoolean(name, value) {
    return new UserError('takes true or false', {
        key: `--${name}`,
        value,
        hint: `write --${name}, --${name}=true or --${name}=false`
    });
}
/**
 * `--name value`, `--name=value`; a boolean also takes a bare `--name` (true)
 * and `--name true|false`. `--` ends the flags.
 */
function parseCliArgs(argv) {
    const { tokens } = parseArgs({
        args: [...argv],
        options: PARSE_OPTIONS,
        strict: false,
        allowPositionals: true,
        tokens: true
    });
    const words = tokens.flatMap(t => (t.kind === 'positional' ? [t.value] : []));
    // The one short flag is -h, alone: `-hx` or `-dash` (a cluster with an h in it) is a
    // mistake, not a request for help that would exit 0 and let a CI step pass unbuilt.
    for (const token of tokens) {
        if (token.kind !== 'option' || token.rawName.startsWith('--'))
            continue;
        const word = argv[token.index];
        if (word !== '-h') {
            throw new UserError('unknown flag', {
                key: word,
                hint: 'the one short flag is -h (help); write every other flag in full, e.g. --dry-run'
            });
        }
    }
    if (tokens.some(t => t.kind === 'option' && t.name === 'help')) {
        // Help wins over any mistake in the other words: it is what the user asked for.
        return {
            command: words[0],
            inputs: new Map(),
            help: true,
            version: false,
            debug: false,
            passwordStdin: false
        };
    }
    const inputs = new Map();
    const positionals = [];
    /** The boolean flag right before each positional, if any (`--fail-fast maybe`). */
    const afterBoolean = new Map();
    const global = {
        help: false,
        version: false,
        debug: false,
        'password-stdin': false
    };
    for (let t = 0; t < tokens.length; t++) {
        const token = tokens[t];
        if (token.kind === 'option-terminator')
            continue;
        if (token.kind === 'positional') {
            const previous = tokens[t - 1];
            if (previous?.kind === 'option' &&
                previous.index === token.index - 1 &&
                !previous.inlineValue &&
                BY_NAME$1.get(previous.name)?.boolean)
                afterBoolean.set(positionals.length, previous.name);
            positionals.push(token.value);
            continue;
        }
        const { name, rawName } = token;
        if (GLOBAL_FLAGS$1.includes(name)) {
            global[name] = true;
            continue;
        }
        const spec = BY_NAME$1.get(name);
        if (!spec || rawName !== `--${name}`)
            throw unknownFlag(rawName, name);
        if (name === 'password') {
            // Never echo the value: it would be a secret in this error, too.
            throw new UserError('is refused on the command line, where every user of the machine can read it (ps)', {
                key: '--password',
                hint: 'set TWINE_PASSWORD in the environment, or pipe it to --password-stdin'
            });
        }
        let value = token.value;
        if (spec.boolean && !token.inlineValue) {
            const next = tokens[t + 1];
            const word = next?.kind === 'positional' && next.index === token.index + 1 ? next.value : undefined;
            if (word === 'true' || word === 'false') {
                value = word;
                t++;
            }
            else
                value = 'true';
        }
        if (value === undefined || (!token.inlineValue && isFlag(value))) {
            throw new UserError('needs a value', { key: `--${name}`, hint: `write --${name} VALUE` });
        }
        if (spec.boolean && value !== 'true' && value !== 'false')
            throw notBoolean(name, value);
        inputs.set(name, value);
    }
    if (positionals.length > 2) {
        const flag = [...afterBoolean].find(([index]) => index >= 2);
        if (flag)
            throw notBoolean(flag[1], positionals[flag[0]]);
        throw new UserError('too many arguments', {
            value: positionals.slice(2).join(' '),
            hint: 'usage: wheelwright <command> [PACKAGE_DIR] [--flags]'
        });
    }
    const [command, positional] = positionals;
    const { 'password-stdin': passwordStdin, ...flags } = global;
    return { command, positional, inputs, ...flags, passwordStdin };
}

/**
 * The rules of the inputs table, for both entry points: which inputs a
 * command reads (`commands`), which exist only in the action (`actionOnly`),
 * other actions' names (`aliasOf`) and inputs kept only for other actions'
 * users (`noEffect`). On the command line a flag that means nothing to the
 * command is an error; in the action it is a warning, as one `with:` block is
 * often shared by several steps.
 */
const BY_NAME = new Map(INPUTS.map(i => [i.name, i]));
const COMMAND_NAMES = COMMAND_SPECS.map(c => c.name);
/** The commands an input applies to, with words: `build or publish`. */
function commandList(commands) {
    return commands.length === 1
        ? commands[0]
        : `${commands.slice(0, -1).join(', ')} or ${commands[commands.length - 1]}`;
}
/** An input's target after aliases: `packages-dir` reads as `dist-dir`. */
function canonicalName(name) {
    return BY_NAME.get(name)?.aliasOf ?? name;
}
/**
 * Aliases to their targets (both given with different values is an error
 * naming both) and a warning for each input that has no effect here.
 * `label` spells an input as the user wrote it (`--dist-dir` or `dist-dir`).
 */
function applyAliases(given, label) {
    const inputs = new Map();
    const warnings = [];
    for (const [name, value] of given) {
        const spec = BY_NAME.get(name);
        if (spec?.noEffect) {
            warnings.push(`${label(name)}: ${spec.noEffect}; ignored (got ${JSON.stringify(value)})`);
            continue;
        }
        const target = canonicalName(name);
        if (target === name) {
            if (!inputs.has(name))
                inputs.set(name, value);
            continue;
        }
        const other = given.get(target);
        if (other !== undefined && other.trim() !== value.trim()) {
            const values = `${JSON.stringify(value)} and ${JSON.stringify(other)}`;
            throw new UserError(`and ${label(target)} are one input, given two values (${values})`, {
                key: label(name),
                hint: `${name} is ${spec?.from?.join(' and ')}'s name for ${target}: give only ${label(target)}`
            });
        }
        inputs.set(target, value);
    }
    return { inputs, warnings };
}
function parseCommand(value, key) {
    if (COMMAND_NAMES.includes(value))
        return value;
    throw new UserError('unknown command', {
        key,
        value,
        hint: `use one of ${COMMAND_NAMES.join(', ')}; see wheelwright --help`
    });
}
/**
 * The command line's inputs: the command, the positional argument as the
 * input it stands for, and the flags, each checked against the command.
 */
function cliInputs(args) {
    const command = parseCommand(args.command ?? '', 'command');
    for (const name of args.inputs.keys()) {
        const spec = BY_NAME.get(name);
        if (spec.actionOnly) {
            throw new UserError(`is an input of the GitHub Action, not a flag of wheelwright ${command}`, {
                key: `--${name}`,
                value: args.inputs.get(name),
                hint: spec.actionOnly
            });
        }
        if (!spec.commands.includes(command)) {
            throw new UserError(`means nothing to wheelwright ${command}`, {
                key: `--${name}`,
                hint: `it is a flag of wheelwright ${commandList(spec.commands)}; see wheelwright ${command} --help`
            });
        }
    }
    const given = new Map(args.inputs);
    const argument = COMMAND_SPECS.find(c => c.name === command).argument;
    if (args.positional !== undefined) {
        const flag = [...given].find(([name]) => canonicalName(name) === argument.input);
        if (flag && flag[1] !== args.positional) {
            const values = `${JSON.stringify(args.positional)} and ${JSON.stringify(flag[1])}`;
            throw new UserError(`and --${flag[0]} both set ${argument.input} (${values})`, {
                key: argument.name,
                hint: `give ${argument.name} or --${argument.input}, not both`
            });
        }
        given.set(argument.input, args.positional);
    }
    const read = applyAliases(given, name => `--${name}`);
    read.inputs.set('command', command);
    return read;
}
/**
 * The action's inputs from INPUT_* variables, as @actions/core reads them.
 * An input left at its action.yml default counts as not given.
 */
function readActionInputs(getInput) {
    const given = new Map();
    const explicit = [];
    for (const spec of INPUTS) {
        if (spec.cliOnly)
            continue;
        const value = getInput(spec.name);
        if (value === '')
            continue;
        given.set(spec.name, value);
        if (value !== (spec.actionDefault ?? ''))
            explicit.push(spec);
    }
    const commandValue = given.get('command')?.trim() || 'build';
    // An unknown command is refused, naming it, when the options are resolved.
    const command = COMMAND_NAMES.includes(commandValue) ? commandValue : undefined;
    const read = applyAliases(given, name => name);
    const warnings = [...read.warnings];
    for (const spec of explicit) {
        if (command && !spec.commands.includes(command) && !spec.noEffect) {
            warnings.push(`${spec.name}: has no effect with command: ${command} (it is read by ${commandList(spec.commands)}); ignored`);
        }
    }
    return { inputs: read.inputs, warnings };
}
/** The variable the runner sets for an input: `INPUT_` and the name in upper case. */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
const KNOWN_VARIABLES = new Set(INPUTS.filter(i => !i.cliOnly).map(i => inputVariable(i.name)));
/**
 * The `INPUT_*` variables that name no input of the action (the runner passes
 * every `with:` key, declared or not), sorted. A name the action does not
 * read is never silently dropped: it may have been meant to send the files
 * somewhere else.
 */
function unknownInputVariables(env) {
    return Object.keys(env)
        .filter(name => /^INPUT_/i.test(name) && !KNOWN_VARIABLES.has(name.toUpperCase()))
        .sort();
}
/** An input the action does not know, in a run that publishes: exit 2 before any work. */
class UnknownInputError extends UserError {
}
/**
 * For a run that publishes, unknown inputs are an error naming each; for any
 * other run, one warning each.
 */
function checkUnknownInputs(variables, publishes) {
    const named = variables.map(v => `${v.slice('INPUT_'.length).toLowerCase()} (${v})`);
    if (variables.length === 0)
        return [];
    if (publishes) {
        throw new UnknownInputError(`wheelwright has no input named ${named.join(', ')}; nothing was built or uploaded`, {
            key: 'with',
            hint: "a publishing step stops on an input it would not read, as it may have meant another index or directory: fix the spelling, or remove it (the README lists every input, and the other actions' names that are read)"
        });
    }
    return named.map(n => `with: wheelwright has no input named ${n}; ignored (check the spelling; the README lists every input)`);
}

/**
 * `wheelwright --help` and `wheelwright <command> --help`, made from the
 * inputs table: each command lists only the flags it reads, with their
 * descriptions and defaults, so the help cannot drift from the action's docs.
 */
const WIDTH = 80;
const INDENT = 2;
/** Where descriptions start; a longer flag puts its description on the next line. */
const COLUMN = 28;
const GLOBAL_FLAGS = [
    ['-h, --help', 'Show this help; after a command, the flags of that command.'],
    ['--version', 'Print the version of wheelwright.'],
    ['--debug', 'Print the stack trace of an unexpected error.']
];
/** Markdown code spans read as plain words on a terminal. */
const plain = (text) => text.replace(/`([^`]*)`/g, '$1');
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    return line ? [...lines, line] : lines;
}
/** One entry: the term, then its text wrapped in the description column. */
function entry(term, text) {
    const body = wrap(text, WIDTH - COLUMN);
    const head = ' '.repeat(INDENT) + term;
    const pad = ' '.repeat(COLUMN);
    if (head.length + 2 > COLUMN)
        return [head, ...body.map(l => pad + l)];
    return [head.padEnd(COLUMN) + (body[0] ?? ''), ...body.slice(1).map(l => pad + l)];
}
function flagTerm(spec) {
    return spec.boolean ? `--${spec.name}[=true|false]` : `--${spec.name} ${spec.metavar ?? 'VALUE'}`;
}
function described(spec) {
    const text = plain(spec.description);
    return spec.default ? `${text} [default: ${spec.default}]` : text;
}
function section(title, lines) {
    return lines.length > 0 ? ['', `${title}:`, ...lines] : [];
}
function globalFlags() {
    return section('flags of every command', GLOBAL_FLAGS.flatMap(([term, text]) => entry(term, text)));
}
/** The help of one command: its argument, its flags, other actions' names for them. */
function commandHelp(command) {
    const spec = COMMAND_SPECS.find(c => c.name === command);
    const argument = spec.argument;
    const argumentSpec = INPUTS.find(i => i.name === argument.input);
    const flags = INPUTS.filter(i => i.commands.includes(command) &&
        !i.actionOnly &&
        // The argument is listed above; the password is never a flag (TWINE_PASSWORD).
        i.name !== argument.input &&
        i.name !== 'password');
    const own = flags.filter(i => !i.aliasOf && !i.noEffect);
    const others = flags.filter(i => i.aliasOf || i.noEffect);
    const release = flags.some(i => i.name === 'repository-url');
    return [
        `usage: wheelwright ${command} [${argument.name}] [flags]`,
        '',
        ...wrap(spec.summary, WIDTH),
        ...section('argument', entry(argument.name, `${plain(argumentSpec.description)} Also --${argument.input} ${argumentSpec.metavar}. [default: ${argumentSpec.default}]`)),
        ...section('flags', own.flatMap(i => entry(flagTerm(i), described(i)))),
        ...section("other actions' names", others.flatMap(i => entry(flagTerm(i), described(i)))),
        ...globalFlags(),
        '',
        ...wrap('Flags override [tool.cibuildwheel], [tool.wheelwright] and CIBW_* settings.' +
            (release
                ? ' The password (an API token) is read from TWINE_PASSWORD, or from standard input with --password-stdin, never from a flag; without one, publishing uses trusted publishing.'
                : ''), WIDTH),
        ''
    ].join('\n');
}
/** `wheelwright --help`: the commands and the flags every command takes. */
function mainHelp() {
    return [
        'usage: wheelwright <command> [ARGUMENT] [flags]',
        '',
        ...wrap('Build, repair, test and publish Python wheels with native extensions for every Python, OS and architecture.', WIDTH),
        ...section('commands', COMMAND_SPECS.flatMap(c => entry(`${c.name} [${c.argument.name}]`, c.summary))),
        ...globalFlags(),
        '',
        'Run `wheelwright <command> --help` for the flags of a command.',
        ''
    ].join('\n');
}

/**
 * What a run leaves behind if it is killed outright (SIGKILL, an OOM kill):
 * its children's process groups, its containers, its temp dirs. A small
 * watcher process, in a session of its own and deaf to SIGINT/SIGTERM/SIGHUP,
 * is told of each as it appears and goes; when its stdin closes (this
 * process ended, however) it stops the groups still listed (SIGTERM, then
 * SIGKILL after a grace period), runs the cleanups still listed (e.g.
 * `podman rm --force`), and removes the dirs. A run that ends normally has
 * dropped everything by then, so the watcher exits at once.
 *
 * Messages go over the watcher's stdin, never argv, as a cleanup's
 * environment may be sensitive. The watcher is this same Node binary.
 */
const WATCHER = `
const { spawnSync } = require('child_process')
const fs = require('fs')
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => {})
const groups = new Set(), markers = new Map(), cleanups = new Map(), dirs = new Map()
const grace = Number(process.argv[1]) || 3000
let buffer = '', reaping = false
const handle = m => {
  if (m.watch) groups.add(m.watch)
  if (m.watch && m.marker) markers.set(m.watch, m.marker)
  if (m.unwatch) groups.delete(m.unwatch)
  if (m.unwatch) markers.delete(m.unwatch)
  if (m.cleanup) cleanups.set(m.cleanup, m)
  if (m.drop) cleanups.delete(m.drop)
  if (m.remove) dirs.set(m.remove, String(m.pid))
  if (m.keep) dirs.delete(m.keep)
}
const signal = sig => {
  for (const g of [...groups]) {
    try { process.kill(-g, sig) } catch { groups.delete(g) }
  }
}
// The processes that left their group but carry a step's marker (Linux).
const killMarked = () => {
  if (markers.size === 0) return
  let pids = []
  try { pids = fs.readdirSync('/proc').filter(p => /^\\d+$/.test(p)) } catch {}
  const wanted = [...markers.values()].map(m => '\\0' + m + '\\0')
  for (const pid of pids) {
    let environ
    try { environ = '\\0' + fs.readFileSync('/proc/' + pid + '/environ', 'latin1') } catch { continue }
    if (wanted.some(w => environ.includes(w))) try { process.kill(Number(pid), 'SIGKILL') } catch {}
  }
}
const reap = () => {
  if (reaping) return
  reaping = true
  signal('SIGTERM')
  const deadline = Date.now() + grace
  const poll = setInterval(() => {
    signal(0)
    if (groups.size > 0 && Date.now() < deadline) return
    clearInterval(poll)
    signal('SIGKILL')
    killMarked()
    for (const c of cleanups.values())
      spawnSync(c.argv[0], c.argv.slice(1), { stdio: 'ignore', env: c.env, timeout: 60000 })
    for (const [d, pid] of dirs) {
      // A dir a new run has taken over (its .owner names that run) is not ours to remove.
      let owner
      try { owner = fs.readFileSync(d + '/.owner', 'utf8').trim() } catch {}
      if (owner === undefined || owner === pid) fs.rmSync(d, { recursive: true, force: true })
    }
    process.exit(0)
  }, 50)
}
process.stdin.setEncoding('utf8')
process.stdin.on('data', data => {
  buffer += data
  for (let i = buffer.indexOf('\\n'); i >= 0; i = buffer.indexOf('\\n')) {
    try { handle(JSON.parse(buffer.slice(0, i))) } catch {}
    buffer = buffer.slice(i + 1)
  }
})
process.stdin.on('end', reap)
process.stdin.on('error', reap)
`;
/** The watcher of one wheelwright process; started on first use. */
class Reaper {
    graceMs;
    child;
    constructor(graceMs = 3000) {
        this.graceMs = graceMs;
    }
    send(message) {
        if (process.platform === 'win32')
            return;
        if (!this.child) {
            this.child = spawn(process.execPath, ['-e', WATCHER, String(this.graceMs)], {
                detached: true,
                stdio: ['pipe', 'ignore', 'ignore']
            });
            this.child.on('error', () => undefined);
            this.child.stdin.on('error', () => undefined);
            // Neither the watcher nor its pipe keeps this process alive.
            this.child.unref();
            this.child.stdin.unref?.();
        }
        this.child.stdin.write(`${JSON.stringify(message)}\n`);
    }
    /**
     * The process group `pgid` is stopped if this process dies first, and on
     * Linux so are the processes whose environment holds `marker` (NAME=value),
     * the ones that left the group.
     */
    watch(pgid, marker) {
        this.send(marker ? { watch: pgid, marker } : { watch: pgid });
    }
    unwatch(pgid) {
        this.send({ unwatch: pgid });
    }
    /** `argv` runs (with `env`) if this process dies before `drop(id)`. */
    cleanup(id, argv, env) {
        this.send({ cleanup: id, argv, env });
    }
    drop(id) {
        this.send({ drop: id });
    }
    /**
     * `dir` is removed if this process dies before `keep(dir)`, unless its
     * `.owner` file then names another process (a run that took it over).
     */
    remove(dir) {
        this.send({ remove: dir, pid: process.pid });
    }
    keep(dir) {
        this.send({ keep: dir });
    }
    /** This process is done: the watcher cleans up what is still listed, and exits. */
    close() {
        this.child?.stdin?.end();
        this.child = undefined;
    }
    /** The pid of the watcher, once started (for tests). */
    get pid() {
        return this.child?.pid;
    }
}

/**
 * run(): inputs → options → command → outputs. The action and the CLI both
 * come through here; this is the one place that turns errors into failure.
 */
/** Resolves the options once, then runs the command with them. */
async function execute(inputs, cwd, context, inputWarnings = [], unknownInputs = []) {
    const { env, reporter } = context;
    // Before anything can print them: the raw values, as given, then every
    // variable that looks like a credential (PYPI_API_TOKEN, *_PASSWORD, ...).
    const secrets = new Set();
    for (const secret of [inputs.get('password'), env.TWINE_PASSWORD])
        if (secret?.trim())
            secrets.add(secret.trim());
    for (const secret of urlSecrets(inputs.get('repository-url')))
        secrets.add(secret);
    for (const secret of secretValues(env))
        secrets.add(secret);
    for (const secret of secrets)
        reporter.setSecret(secret);
    for (const warning of inputWarnings)
        reporter.warning(warning);
    // A publishing run stops on an input it would not read, before any work.
    if (inputs.get('command')?.trim() === 'publish')
        checkUnknownInputs(unknownInputs, true);
    const runner = detectRunner(env);
    const options = await loadOptions({ inputs, env, runner, cwd });
    const unpacked = options.sdistInput ? path.dirname(options.packageDir) : undefined;
    if (unpacked)
        context.reaper?.remove(unpacked);
    if (options.publish.password)
        reporter.setSecret(options.publish.password);
    for (const secret of urlSecrets(options.publish.repositoryUrl))
        reporter.setSecret(secret);
    for (const warning of options.warnings)
        reporter.warning(warning);
    try {
        const publishes = options.command === 'publish' || options.publish.mode !== 'false';
        for (const warning of checkUnknownInputs(unknownInputs, publishes))
            reporter.warning(warning);
        await runCommand(options, context);
    }
    finally {
        // An sdist given as package-dir was unpacked into a temp dir of its own.
        if (unpacked) {
            fs__default.rmSync(unpacked, { recursive: true, force: true });
            context.reaper?.keep(unpacked);
        }
        context.reaper?.close();
    }
}
async function runCommand(options, context) {
    switch (options.command) {
        // Commands load lazily: `plan` never pays for the build or release code.
        case 'plan':
            return (await import('./plan-BVEMPkO6.js')).runPlan(options, context);
        case 'build':
            return (await import('./build-DZALvQXL.js')).runBuild(options, context);
        case 'sdist':
            return (await import('./sdist-CN2GDJ61.js')).runSdist(options, context);
        case 'publish':
            return (await import('./publish-CpL1oQcM.js')).runPublish(options, context);
    }
}
/** One line for an unexpected error (the trace only with --debug); a UserError as it is. */
function describe(error, debug = false) {
    if (isUserError(error))
        return error.message;
    const text = error instanceof Error ? error.message : String(error);
    if (debug && error instanceof Error && error.stack)
        return error.stack;
    return `${text.split('\n')[0]}. Hint: this is a bug in wheelwright; re-run with --debug for the trace and report it`;
}
/** The exit status of a failed run: cibuildwheel's for the same failure. */
function exitCodeOf(error) {
    return isUserError(error) ? error.exitCode : EXIT.failed;
}
/** The GitHub Action entry point. */
async function runAction() {
    const core = await import('./core-ORKXprpS.js').then(function (n) { return n.k; });
    const reporter = actionReporter(core);
    try {
        const { inputs, warnings } = readActionInputs(name => core.getInput(name));
        const cwd = process.env.GITHUB_WORKSPACE && !inputs.has('package-dir')
            ? process.env.GITHUB_WORKSPACE
            : process.cwd();
        await execute(inputs, cwd, { env: process.env, reporter, isAction: true, reaper: new Reaper() }, warnings, unknownInputVariables(process.env));
    }
    catch (error) {
        // Workflow commands on again (after a child's last lines), then one
        // annotation per failure, titled by what failed. Not setFailed: it
        // would add a second annotation with the same text.
        await reporter.flush();
        const message = describe(error, process.env.RUNNER_DEBUG === '1');
        for (const { message: text, properties } of annotationsOf(error, message, process.env.GITHUB_WORKSPACE))
            core.error(text, properties);
        // An unknown input of a publishing run is a configuration error, as on the command line.
        process.exitCode = error instanceof UnknownInputError ? EXIT.configuration : 1;
    }
}
/** With events: the CPU time of this process itself (options, plan, live log; not its children). */
function reportUsage(reporter) {
    const { user, system } = process.cpuUsage();
    reporter.event?.({ event: 'usage', cpuMs: Math.round((user + system) / 100) / 10 });
}
/** The value of `--log-format`, checked. */
function logFormat(value = 'text') {
    const format = LOG_FORMATS.find(f => f === value.trim());
    if (format)
        return format;
    throw new UserError(`is not a log format (got ${JSON.stringify(value)})`, {
        key: '--log-format',
        hint: `use ${LOG_FORMATS.join(' or ')}`
    });
}
/** The password piped to `publish --password-stdin`: stdin, without its final newline. */
function readPassword(command, stdin = () => fs__default.readFileSync(0, 'utf8')) {
    if (command !== 'publish') {
        throw new UserError(`means nothing to wheelwright ${command}`, {
            key: '--password-stdin',
            hint: 'it is a flag of wheelwright publish'
        });
    }
    const password = stdin().replace(/\r?\n$/, '');
    if (!password.trim()) {
        throw new UserError('read an empty password from standard input', {
            key: '--password-stdin',
            hint: 'pipe the token in, e.g. printf %s "$TOKEN" | wheelwright publish --password-stdin'
        });
    }
    return password;
}
/** The CLI entry point; returns the exit code. */
async function runCli(argv, io = {}) {
    const stderr = io.stderr ?? ((text) => void process.stderr.write(text));
    const env = io.env ?? process.env;
    const terminal = detectTerminal(env, io.stderr ? {} : process.stderr);
    let reporter = cliReporter(io.stdout, stderr, terminal);
    const cwd = io.cwd ?? process.cwd();
    const debug = argv.includes('--debug');
    try {
        const args = parseCliArgs(argv);
        if (args.version) {
            reporter.result(VERSION);
            return 0;
        }
        if (!args.command) {
            reporter.result(mainHelp());
            return args.help ? 0 : 2;
        }
        const { inputs, warnings } = cliInputs(args);
        if (args.help) {
            reporter.result(commandHelp(inputs.get('command')));
            return 0;
        }
        if (args.passwordStdin)
            inputs.set('password', readPassword(args.command, io.stdin));
        // A build logs to stdout, as cibuildwheel; a plan or a dry run keeps stdout for its result.
        if (logFormat(inputs.get('log-format')) === 'json')
            reporter = jsonReporter(io.stdout, stderr);
        else if (inputs.get('command') === 'build' && !parseBoolean(inputs.get('dry-run') ?? ''))
            reporter = cliReporter(io.stdout, stderr, terminal, 'stdout');
        if (!io.stdout && env.GITHUB_ACTIONS !== 'true')
            hideDebugCommands(process.stdout);
        await execute(inputs, cwd, { env, reporter, isAction: false, reaper: new Reaper() }, warnings);
        reportUsage(reporter);
        return 0;
    }
    catch (error) {
        reportUsage(reporter);
        const text = describe(error, debug);
        if (reporter.event)
            reporter.event({ event: 'error', text, exitCode: exitCodeOf(error) });
        else
            (reporter.error ?? reporter.info)(`error: ${text}`);
        return exitCodeOf(error);
    }
}

export { runAction as a, runCli as r };
