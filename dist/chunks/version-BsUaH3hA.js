import { U as UserError, b as EXIT, i as isUserError } from './credentials-Dmr4V9uN.js';
import { p as platformNamed, P as PLATFORM_LIST } from './identifiers-D125K7rM.js';
import path from 'node:path';

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

var picocolors = {exports: {}};

var hasRequiredPicocolors;

function requirePicocolors () {
	if (hasRequiredPicocolors) return picocolors.exports;
	hasRequiredPicocolors = 1;
	let p = process || {}, argv = p.argv || [], env = p.env || {};
	let isColorSupported =
		!(!!env.NO_COLOR || argv.includes("--no-color")) &&
		(!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || ((p.stdout || {}).isTTY && env.TERM !== "dumb") || !!env.CI);

	let formatter = (open, close, replace = open) =>
		input => {
			let string = "" + input, index = string.indexOf(close, open.length);
			return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close
		};

	let replaceClose = (string, close, replace, index) => {
		let result = "", cursor = 0;
		do {
			result += string.substring(cursor, index) + replace;
			cursor = index + close.length;
			index = string.indexOf(close, cursor);
		} while (~index)
		return result + string.substring(cursor)
	};

	let createColors = (enabled = isColorSupported) => {
		let f = enabled ? formatter : () => String;
		return {
			isColorSupported: enabled,
			reset: f("\x1b[0m", "\x1b[0m"),
			bold: f("\x1b[1m", "\x1b[22m", "\x1b[22m\x1b[1m"),
			dim: f("\x1b[2m", "\x1b[22m", "\x1b[22m\x1b[2m"),
			italic: f("\x1b[3m", "\x1b[23m"),
			underline: f("\x1b[4m", "\x1b[24m"),
			inverse: f("\x1b[7m", "\x1b[27m"),
			hidden: f("\x1b[8m", "\x1b[28m"),
			strikethrough: f("\x1b[9m", "\x1b[29m"),

			black: f("\x1b[30m", "\x1b[39m"),
			red: f("\x1b[31m", "\x1b[39m"),
			green: f("\x1b[32m", "\x1b[39m"),
			yellow: f("\x1b[33m", "\x1b[39m"),
			blue: f("\x1b[34m", "\x1b[39m"),
			magenta: f("\x1b[35m", "\x1b[39m"),
			cyan: f("\x1b[36m", "\x1b[39m"),
			white: f("\x1b[37m", "\x1b[39m"),
			gray: f("\x1b[90m", "\x1b[39m"),

			bgBlack: f("\x1b[40m", "\x1b[49m"),
			bgRed: f("\x1b[41m", "\x1b[49m"),
			bgGreen: f("\x1b[42m", "\x1b[49m"),
			bgYellow: f("\x1b[43m", "\x1b[49m"),
			bgBlue: f("\x1b[44m", "\x1b[49m"),
			bgMagenta: f("\x1b[45m", "\x1b[49m"),
			bgCyan: f("\x1b[46m", "\x1b[49m"),
			bgWhite: f("\x1b[47m", "\x1b[49m"),

			blackBright: f("\x1b[90m", "\x1b[39m"),
			redBright: f("\x1b[91m", "\x1b[39m"),
			greenBright: f("\x1b[92m", "\x1b[39m"),
			yellowBright: f("\x1b[93m", "\x1b[39m"),
			blueBright: f("\x1b[94m", "\x1b[39m"),
			magentaBright: f("\x1b[95m", "\x1b[39m"),
			cyanBright: f("\x1b[96m", "\x1b[39m"),
			whiteBright: f("\x1b[97m", "\x1b[39m"),

			bgBlackBright: f("\x1b[100m", "\x1b[49m"),
			bgRedBright: f("\x1b[101m", "\x1b[49m"),
			bgGreenBright: f("\x1b[102m", "\x1b[49m"),
			bgYellowBright: f("\x1b[103m", "\x1b[49m"),
			bgBlueBright: f("\x1b[104m", "\x1b[49m"),
			bgMagentaBright: f("\x1b[105m", "\x1b[49m"),
			bgCyanBright: f("\x1b[106m", "\x1b[49m"),
			bgWhiteBright: f("\x1b[107m", "\x1b[49m"),
		}
	};

	picocolors.exports = createColors();
	picocolors.exports.createColors = createColors;
	return picocolors.exports;
}

var picocolorsExports = /*@__PURE__*/ requirePicocolors();

/**
 * What the output may look like where it goes: colour, an interactive
 * terminal that can redraw a status board, and its width.
 *
 * Colour follows the common conventions, in this order: NO_COLOR (any
 * non-empty value) turns it off; FORCE_COLOR turns it on (`0` or `false`
 * turn it off); otherwise a terminal has colour, and so does a GitHub
 * Actions log, which renders ANSI colours. `TERM=dumb` is no terminal.
 */
/** A plain log: no colour, no redrawing. */
const PLAIN = Object.freeze({ color: false, tty: false, columns: 80 });
function detectTerminal(env, stream) {
    const tty = !!stream?.isTTY && env.TERM !== 'dumb';
    const force = env.FORCE_COLOR;
    const color = env.NO_COLOR
        ? false
        : force
            ? !['0', 'false'].includes(force.toLowerCase())
            : tty || env.GITHUB_ACTIONS === 'true';
    return { color, tty, columns: stream?.columns || 80 };
}
/** Colour functions that colour only where the terminal has colour. */
function paintFor(terminal) {
    return picocolorsExports.createColors(terminal.color);
}

/**
 * The action's error annotations: exactly one per failure, titled by what
 * failed (`wheelwright: build error`, `... test error`, `... configuration
 * error`), with the config file and line when the failure is a value written
 * in pyproject.toml.
 */
/** What a failed step's failure is; a step not named here builds. */
const KIND_OF_STEP = {
    repair: 'repair',
    'copy-out': 'repair',
    audit: 'repair',
    'test-prepare': 'test',
    'test-venv': 'test',
    'before-test': 'test',
    'test-install': 'test',
    test: 'test',
    environment: 'configuration',
    'test-environment': 'configuration'
};
function failureKind(step) {
    return KIND_OF_STEP[step] ?? 'build';
}
/** `location` as the runner wants it: a file relative to the workspace (none outside it). */
function where(location, workspace) {
    if (!location || !workspace)
        return {};
    const file = path.relative(workspace, location.file);
    if (file.startsWith('..') || path.isAbsolute(file))
        return {};
    return {
        file: file.split(path.sep).join('/'),
        ...(location.line ? { startLine: location.line } : {})
    };
}
/**
 * The annotations of a failed run: one per problem of a UserError, or one for
 * anything else (a bug), whose text is `described`.
 */
function annotationsOf(error, described, workspace) {
    if (!isUserError(error))
        return [{ message: described, properties: { title: 'wheelwright: internal error' } }];
    return error.problems.map(problem => ({
        message: problem.message,
        properties: {
            title: `wheelwright: ${problem.kind} error`,
            ...where(problem.location, workspace)
        }
    }));
}

/** The wheelwright version; part of every cache key. Keep equal to package.json. */
const VERSION = '0.1.0';

export { PLAIN as P, VERSION as V, parseArchs as a, detectRunner as b, checkAllowedArchs as c, detectTerminal as d, annotationsOf as e, paintFor as f, environmentScript as g, changedVariables as h, parseEnvZ as i, failureKind as j, checkArchsSelected as k, parseEnvironment as p, thisMachine as t };
