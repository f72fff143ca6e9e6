import { U as UserError, a as EXIT } from './credentials-CJbHD5r8.js';
import { p as platformNamed, P as PLATFORM_LIST } from './identifiers-BEBWIj3H.js';

/**
 * The `archs` option: `auto`, `native`, `all`, `auto64`, `auto32`, explicit
 * names, and the synonyms between OSes (x86_64 ↔ AMD64, aarch64 ↔ arm64 ↔
 * ARM64). Each platform module holds its own names; this module only combines them.
 */
/** The same machine under another OS's name; null when that OS has no such arch. */
function archSynonym(arch, from, to) {
    const source = platformNamed(from).synonyms;
    const common = Object.keys(source).find(m => source[m] === arch);
    return common === undefined ? arch : platformNamed(to).synonyms[common];
}
function nativeArch(platform, runner) {
    if (runner.platform === platform)
        return runner.machine;
    return archSynonym(runner.machine, runner.platform, platform);
}
/** Names of archs on no platform we build yet (pyodide, android, ios). */
const NOT_YET_ARCHS = [
    'wasm32',
    'arm64_v8a',
    'arm64_iphoneos',
    'arm64_iphonesimulator',
    'x86_64_iphonesimulator'
];
function parseArchs(value, platform, runner, key = 'archs') {
    const target = platformNamed(platform);
    const result = new Set();
    const native = nativeArch(platform, runner);
    for (const word of value.split(/[\s,]+/).filter(Boolean)) {
        switch (word) {
            case 'auto':
                if (native)
                    target.autoArchs(native).forEach(a => result.add(a));
                break;
            case 'native':
                if (native)
                    result.add(native);
                break;
            case 'all':
                target.archs.forEach(a => result.add(a));
                break;
            case 'auto64':
                if (native && !target.archs32.includes(native))
                    result.add(native);
                break;
            case 'auto32':
                if (native && target.archs32.includes(native))
                    result.add(native);
                else if (native && target.auto32[native])
                    result.add(target.auto32[native]);
                break;
            default: {
                const name = resolveArchName(word, platform);
                if (!name) {
                    throw new UserError('unknown architecture', {
                        key,
                        value: word,
                        hint: `use auto, native, all, auto64, auto32 or one of ${target.archs.join(', ')}`
                    });
                }
                result.add(name);
            }
        }
    }
    return result;
}
/** Case-insensitive name lookup, preferring the names of `platform`. */
function resolveArchName(word, platform) {
    const lower = word.toLowerCase();
    const own = platformNamed(platform).archs.find(a => a.toLowerCase() === lower);
    if (own)
        return own;
    for (const other of PLATFORM_LIST) {
        const found = other.archs.find(a => a.toLowerCase() === lower);
        if (found)
            return found;
    }
    return NOT_YET_ARCHS.find(a => a === lower);
}
/** cibuildwheel refuses archs the platform cannot build (exit 4). */
function checkAllowedArchs(archs, platform, key = 'archs') {
    const allowed = platformNamed(platform).archs;
    const bad = [...archs].filter(a => !allowed.includes(a));
    if (bad.length > 0) {
        const renames = bad.flatMap(arch => PLATFORM_LIST.map(from => from.archs.includes(arch) ? archSynonym(arch, from.name, platform) : null)
            .filter((name) => !!name && name !== arch && allowed.includes(name))
            .slice(0, 1)
            .map(name => `${arch} is called ${name} on ${platform}`));
        throw new UserError(`${platform} cannot build ${bad.join(', ')}`, {
            key,
            value: bad.join(' '),
            exitCode: EXIT.deprecated,
            hint: [...renames, `${platform} supports ${allowed.join(', ')}`].join('; ')
        });
    }
}
/** An empty selection of archs: nothing this runner can build natively. */
function checkArchsSelected(archs, platform, key = 'archs') {
    if (archs.size === 0) {
        throw new UserError(`no architecture selected for ${platform}`, {
            key,
            hint: `this runner cannot build ${platform} natively; name the archs explicitly`
        });
    }
}

function detectRunner(env, nodePlatform = process.platform, nodeArch = process.arch) {
    const runnerOs = (env.RUNNER_OS ?? '').toLowerCase();
    const platform = PLATFORM_LIST.find(p => p.runnerOs === runnerOs) ??
        PLATFORM_LIST.find(p => p.nodePlatform === nodePlatform) ??
        PLATFORM_LIST[0];
    const arch = (env.RUNNER_ARCH ?? '').toLowerCase() || nodeArch;
    return { platform: platform.name, machine: platform.machines[arch] ?? arch };
}
/** The machine this process runs on (RUNNER_* ignored). */
function thisMachine() {
    return detectRunner({});
}

/**
 * The `environment` and `test-environment` options: space-separated bash
 * assignments (`A=1 B="$A x" C=$(cmd) D=${A}`), as cibuildwheel reads them.
 * The grammar is checked here, before any build: each word must be one
 * `NAME=value`, with quotes, escapes, `$VAR`, `${VAR}`, `$(cmd)` and
 * backticks; anything else (`;`, `|`, `&&`, redirections, a bare word) is
 * refused as a malformed environment option, instead of running as a script.
 * The assignments are then evaluated in order by bash where the build runs,
 * and the variables they changed are read back with `env -0`.
 */
const METACHARACTERS = new Set([';', '|', '&', '<', '>', '(', ')']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
class Malformed extends Error {
}
/** The end (exclusive) of a `$(...)` or `${...}` starting at `open` (the `(` or `{`). */
function skipGroup(text, open) {
    const close = text[open] === '(' ? ')' : '}';
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === '\\')
            i++;
        else if (c === "'" && close === ')')
            i = skipSingle(text, i);
        else if (c === '"')
            i = skipDouble(text, i) - 1;
        else if (c === '`')
            i = skipBacktick(text, i) - 1;
        else if (c === text[open])
            depth++;
        else if (c === close && --depth === 0)
            return i + 1;
    }
    throw new Malformed(`unclosed ${text.slice(open - 1, open + 1)}`);
}
function skipSingle(text, at) {
    const end = text.indexOf("'", at + 1);
    if (end < 0)
        throw new Malformed('unclosed single quote');
    return end;
}
/** The end (exclusive) of a double-quoted string starting at `at`. */
function skipDouble(text, at) {
    for (let i = at + 1; i < text.length; i++) {
        const c = text[i];
        if (c === '\\')
            i++;
        else if (c === '"')
            return i + 1;
        else if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{'))
            i = skipGroup(text, i + 1) - 1;
        else if (c === '`')
            i = skipBacktick(text, i) - 1;
    }
    throw new Malformed('unclosed double quote');
}
function skipBacktick(text, at) {
    for (let i = at + 1; i < text.length; i++) {
        if (text[i] === '\\')
            i++;
        else if (text[i] === '`')
            return i + 1;
    }
    throw new Malformed('unclosed backtick');
}
/** Splits the option into its words, as bash would, refusing anything but words. */
function words(text) {
    const result = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === '#') {
            const end = text.indexOf('\n', i);
            i = end < 0 ? text.length : end;
            continue;
        }
        const start = i;
        while (i < text.length && !/\s/.test(text[i])) {
            const d = text[i];
            if (d === '\\')
                i += 2;
            else if (d === "'")
                i = skipSingle(text, i) + 1;
            else if (d === '"')
                i = skipDouble(text, i);
            else if (d === '`')
                i = skipBacktick(text, i);
            else if (d === '$' && (text[i + 1] === '(' || text[i + 1] === '{'))
                i = skipGroup(text, i + 1);
            else if (METACHARACTERS.has(d))
                throw new Malformed(`${JSON.stringify(d)} is not allowed here`);
            else
                i++;
        }
        result.push(text.slice(start, Math.min(i, text.length)));
    }
    return result;
}
/**
 * Parses an `environment` value into assignments, or throws a UserError
 * naming `key` (cibuildwheel: "Malformed environment option").
 */
function parseEnvironment(text, key = 'environment') {
    try {
        return words(text).map(word => {
            const at = word.indexOf('=');
            if (at < 0)
                throw new Malformed(`${JSON.stringify(word)} is not an assignment`);
            const name = word.slice(0, at);
            if (!NAME.test(name))
                throw new Malformed(`${JSON.stringify(name)} is not a variable name`);
            return { name, value: word.slice(at + 1) };
        });
    }
    catch (error) {
        if (!(error instanceof Malformed))
            throw error;
        throw new UserError(`malformed environment option: ${error.message}`, {
            key,
            value: text,
            hint: 'write space-separated assignments such as A=1 B="$A two" C=$(cmd); no ;, |, && or redirections'
        });
    }
}
/**
 * The bash script that evaluates the assignments in order (a failing `$(cmd)`
 * fails it) and prints the resulting environment with `env -0`.
 */
function environmentScript(text, key = 'environment') {
    const lines = parseEnvironment(text, key).map(a => `${a.name}=${a.value}\nexport ${a.name}`);
    return ['set -e', ...lines, 'env -0'].join('\n');
}
/** Parses `env -0` output into a map. */
function parseEnvZ(output) {
    const result = new Map();
    for (const entry of output.split('\0')) {
        const at = entry.indexOf('=');
        if (at > 0)
            result.set(entry.slice(0, at), entry.slice(at + 1));
    }
    return result;
}
/** The variables whose value differs between `before` and `after`. */
function changedVariables(before, after) {
    const changed = {};
    for (const [k, v] of after) {
        if (k === '_' || k === 'SHLVL' || k === 'PWD' || k === 'OLDPWD')
            continue;
        if (before[k] !== v)
            changed[k] = v;
    }
    return changed;
}

/** The wheelwright version; part of every cache key. Keep equal to package.json. */
const VERSION = '0.1.0';

export { VERSION as V, parseArchs as a, changedVariables as b, checkAllowedArchs as c, detectRunner as d, environmentScript as e, parseEnvZ as f, checkArchsSelected as g, parseEnvironment as p, thisMachine as t };
