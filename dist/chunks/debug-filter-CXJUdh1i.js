import { U as UserError, b as EXIT, i as isUserError } from './selector-wT822Vb0.js';
import { b as platformNamed, p as platformList, E as notYetPlatforms } from './identifiers-BO1s8poE.js';
import { performance } from 'node:perf_hooks';
import crypto from 'node:crypto';
import process$1 from 'node:process';
import os from 'node:os';
import path from 'node:path';

/**
 * The `archs` option: `auto`, `native`, `all`, `auto64`, `auto32`, explicit
 * names, and the synonyms between OSes (x86_64 ↔ AMD64, aarch64 ↔ arm64 ↔
 * ARM64). Each platform module holds its own names; this module only combines them.
 */
/** The same machine under another OS's name; null when that OS has no such arch. */
function archSynonym(arch, from, to) {
    const source = platformNamed(from).archs.synonyms;
    const common = Object.keys(source).find(m => source[m] === arch);
    return common === undefined ? arch : platformNamed(to).archs.synonyms[common];
}
function nativeArch(platform, runner) {
    if (runner.platform === platform)
        return runner.machine;
    return archSynonym(runner.machine, runner.platform, platform);
}
function parseArchs(value, platform, runner, key = 'archs') {
    const target = platformNamed(platform);
    const result = new Set();
    const native = nativeArch(platform, runner);
    for (const word of value.split(/[\s,]+/).filter(Boolean)) {
        switch (word) {
            case 'auto':
                if (native)
                    target.archs.auto(native).forEach(a => result.add(a));
                break;
            case 'native':
                if (native)
                    result.add(native);
                break;
            case 'all':
                target.archs.all.forEach(a => result.add(a));
                break;
            case 'auto64':
                if (native && !target.archs.bits32.includes(native))
                    result.add(native);
                break;
            case 'auto32':
                if (native && target.archs.bits32.includes(native))
                    result.add(native);
                else if (native && target.archs.auto32[native])
                    result.add(target.archs.auto32[native]);
                break;
            default: {
                const name = resolveArchName(word, platform);
                if (!name) {
                    throw new UserError('unknown architecture', {
                        key,
                        value: word,
                        hint: `use auto, native, all, auto64, auto32 or one of ${target.archs.all.join(', ')}`
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
    const own = platformNamed(platform).archs.all.find(a => a.toLowerCase() === lower);
    if (own)
        return own;
    for (const other of platformList()) {
        const found = other.archs.all.find(a => a.toLowerCase() === lower);
        if (found)
            return found;
    }
    // Archs of the catalogue's platforms that no registered platform builds yet.
    return notYetPlatforms()
        .flatMap(p => p.archs)
        .find(a => a === lower);
}
/** cibuildwheel refuses archs the platform cannot build (exit 4). */
function checkAllowedArchs(archs, platform, key = 'archs') {
    const allowed = platformNamed(platform).archs.all;
    const bad = [...archs].filter(a => !allowed.includes(a));
    if (bad.length > 0) {
        const renames = bad.flatMap(arch => platformList()
            .map(from => from.archs.all.includes(arch) ? archSynonym(arch, from.name, platform) : null)
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
    const platform = platformList().find(p => p.runners.os === runnerOs) ??
        platformList().find(p => p.runners.nodePlatform === nodePlatform) ??
        platformList()[0];
    const arch = (env.RUNNER_ARCH ?? '').toLowerCase() || nodeArch;
    return { platform: platform.name, machine: platform.runners.machines[arch] ?? arch };
}
/** The machine this process runs on (RUNNER_* ignored). */
function thisMachine() {
    return detectRunner({});
}

/* globals WorkerGlobalScope, DedicatedWorkerGlobalScope, SharedWorkerGlobalScope, ServiceWorkerGlobalScope */

const isBrowser = globalThis.window?.document !== undefined;

globalThis.process?.versions?.node !== undefined;

globalThis.process?.versions?.bun !== undefined;

globalThis.Deno?.version?.deno !== undefined;

globalThis.process?.versions?.electron !== undefined;

globalThis.navigator?.userAgent?.includes('jsdom') === true;

typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope;

typeof DedicatedWorkerGlobalScope !== 'undefined' && globalThis instanceof DedicatedWorkerGlobalScope;

typeof SharedWorkerGlobalScope !== 'undefined' && globalThis instanceof SharedWorkerGlobalScope;

typeof ServiceWorkerGlobalScope !== 'undefined' && globalThis instanceof ServiceWorkerGlobalScope;

// Note: I'm intentionally not DRYing up the other variables to keep them "lazy".
const platform = globalThis.navigator?.userAgentData?.platform;

platform === 'macOS'
	|| globalThis.navigator?.platform === 'MacIntel' // Even on Apple silicon Macs.
	|| globalThis.navigator?.userAgent?.includes(' Mac ') === true
	|| globalThis.process?.platform === 'darwin';

platform === 'Windows'
	|| globalThis.navigator?.platform === 'Win32'
	|| globalThis.process?.platform === 'win32';

platform === 'Linux'
	|| globalThis.navigator?.platform?.startsWith('Linux') === true
	|| globalThis.navigator?.userAgent?.includes(' Linux ') === true
	|| globalThis.process?.platform === 'linux';

platform === 'Android'
	|| globalThis.navigator?.platform === 'Android'
	|| globalThis.navigator?.userAgent?.includes(' Android ') === true
	|| globalThis.process?.platform === 'android';

const ESC = '\u001B[';

!isBrowser && process$1.env.TERM_PROGRAM === 'Apple_Terminal';
const isWindows = !isBrowser && process$1.platform === 'win32';
!isBrowser && (process$1.env.TERM?.startsWith('screen') || process$1.env.TERM?.startsWith('tmux') || process$1.env.TMUX !== undefined);

isBrowser ? () => {
	throw new Error('`process.cwd()` only works in Node.js, not the browser.');
} : process$1.cwd;

const cursorUp = (count = 1) => ESC + count + 'A';

const cursorLeft = ESC + 'G';

const eraseLines = count => {
	let clear = '';

	for (let i = 0; i < count; i++) {
		clear += eraseLine + (i < count - 1 ? cursorUp() : '');
	}

	if (count) {
		clear += cursorLeft;
	}

	return clear;
};
const eraseLine = ESC + '2K';
const eraseScreen = ESC + '2J';

const isOldWindows = () => {
	if (isBrowser || !isWindows) {
		return false;
	}

	const parts = os.release().split('.');
	const major = Number(parts[0]);
	const build = Number(parts[2] ?? 0);

	if (major < 10) {
		return true;
	}

	if (major === 10 && build < 10_586) {
		return true;
	}

	return false;
};

isOldWindows()
	? `${eraseScreen}${ESC}0f`
	// 1. Erases the screen (Only done in case `2` is not supported)
	// 2. Erases the whole screen including scrollback buffer
	// 3. Moves cursor to the top-left position
	// More info: https://www.real-world-systems.com/docs/ANSIcode.html
	: `${eraseScreen}${ESC}3J${ESC}H`;

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
 * Where output goes. The action reports through @actions/core (outputs,
 * annotations, groups, the job summary); the CLI prints to stdout/stderr.
 * Commands only talk to a Reporter, so both entry points share them.
 */
/** What may wait in a stream's buffer before live output waits for its reader. */
const BACKLOG = 1024 * 1024;
/** Resolves when `stream` holds less than BACKLOG, or has drained. */
function caughtUp(stream) {
    const backlog = stream.writableLength;
    if (!backlog || backlog < BACKLOG)
        return Promise.resolve();
    return new Promise(resolve => stream.once('drain', resolve));
}
/** Resolves when `stream` has handed over all it was given. */
function drained(stream) {
    return new Promise(resolve => stream.write('', () => resolve()));
}
/** Replaces every registered secret by `***`, longest first. */
function masker(secrets) {
    return text => {
        let masked = text;
        for (const secret of [...secrets].sort((a, b) => b.length - a.length))
            masked = masked.split(secret).join('***');
        return masked;
    };
}
/**
 * Workflow commands in child output: before a child's lines the action
 * writes `::stop-commands::<token>`, so that the runner shows them as text
 * (problem matchers still read them), and `::<token>::` before anything of
 * its own, so that wheelwright's groups, annotations and masks stay live.
 * The token is random per run; a child cannot guess it to resume.
 */
function commandGuard(write, token = crypto.randomBytes(16).toString('hex')) {
    let stopped = false;
    const resume = () => {
        if (!stopped)
            return;
        stopped = false;
        write(`::${token}::\n`);
    };
    return {
        token,
        /** Before a child's lines: commands off until the next `resume` (at the latest, the next turn). */
        stop: () => {
            if (stopped)
                return;
            stopped = true;
            write(`::stop-commands::${token}\n`);
            setImmediate(resume);
        },
        resume
    };
}
/** The action's reporter; @actions/core is passed in so the CLI never loads it. */
const actionReporter = (core, write = text => void process.stdout.write(text)) => {
    const secrets = new Set();
    const mask = masker(secrets);
    const guard = commandGuard(write);
    const own = (fn) => (...args) => {
        guard.resume();
        fn(...args);
    };
    const childText = (text) => {
        guard.stop();
        core.info(mask(text));
    };
    return {
        result: own(text => core.info(mask(text))),
        info: own(text => core.info(mask(text))),
        warning: own(text => core.warning(mask(text))),
        group: own((title, body) => {
            core.startGroup(mask(title));
            // A group's body is what a tool printed (a build log, twine's output).
            if (body)
                childText(body.trimEnd());
            guard.resume();
            core.endGroup();
        }),
        line: own(text => core.info(mask(text))),
        output: childText,
        startGroup: own(title => core.startGroup(mask(title))),
        endGroup: own(() => core.endGroup()),
        status: () => undefined,
        setOutput: (name, value) => core.setOutput(name, value),
        summary: async (markdown) => {
            if (process.env.GITHUB_STEP_SUMMARY)
                await core.summary.addRaw(mask(markdown), true).write();
        },
        setSecret: own(value => {
            // Once each: the runner masks it from then on.
            if (secrets.has(value))
                return;
            core.setSecret(value);
            if (value.length >= 3)
                secrets.add(value);
        }),
        terminal: detectTerminal(process.env),
        flush: () => {
            guard.resume();
            return drained(process.stdout);
        },
        caughtUp: () => caughtUp(process.stdout)
    };
};
/** The secrets a CLI reporter masks: each registered one (3 characters or more) prints as `***`. */
function secretMask() {
    const secrets = new Set();
    return {
        add: value => {
            if (value.length >= 3)
                secrets.add(value);
        },
        mask: masker(secrets)
    };
}
/**
 * The CLI's reporter: like the action's log, every registered secret prints
 * as `***`. On a terminal it keeps the status board below everything else it
 * writes, on either stream. Warnings and errors always go to stderr.
 */
function cliReporter(rawStdout = text => void process.stdout.write(text), rawStderr = text => void process.stderr.write(text), terminal = PLAIN, logStream = 'stderr') {
    const { add, mask } = secretMask();
    let board = [];
    const fit = (line) => line.length < terminal.columns ? line : `${line.slice(0, terminal.columns - 2)}…`;
    const drawBoard = () => {
        if (board.length > 0)
            rawStderr(board.map(l => mask(fit(l))).join('\n') + '\n');
    };
    const clearBoard = () => {
        if (board.length > 0)
            rawStderr(eraseLines(board.length + 1));
    };
    /** Writes below the log and above the board. */
    const around = (raw) => (text) => {
        clearBoard();
        raw(mask(text));
        drawBoard();
    };
    const stdout = around(rawStdout);
    const stderr = around(rawStderr);
    const log = logStream === 'stdout' ? stdout : stderr;
    return {
        result: text => stdout(text.endsWith('\n') ? text : `${text}\n`),
        info: text => log(`${text}\n`),
        warning: text => stderr(`warning: ${text}\n`),
        error: text => stderr(`${text}\n`),
        group: (title, body) => log(`── ${title}\n${body ? body.trimEnd() + '\n' : ''}`),
        line: text => log(`${text}\n`),
        output: text => log(`${text}\n`),
        startGroup: title => log(`── ${title}\n`),
        endGroup: () => undefined,
        status: lines => {
            if (!terminal.tty)
                return;
            clearBoard();
            board = [...lines];
            drawBoard();
        },
        setOutput: () => undefined,
        summary: async (_markdown, plain) => {
            if (plain)
                stdout(plain.endsWith('\n') ? plain : `${plain}\n`);
        },
        setSecret: add,
        terminal,
        flush: async () => {
            await drained(process.stdout);
            await drained(process.stderr);
        },
        caughtUp: async () => {
            await caughtUp(process.stdout);
            await caughtUp(process.stderr);
        }
    };
}

const isZero = value => value === 0 || value === 0n;
const pluralize = (word, count) => (count === 1 || count === 1n) ? word : `${word}s`;

const ONE_SECOND_IN_MILLISECONDS = 1000n;
const ONE_MINUTE_IN_MILLISECONDS = 60n * ONE_SECOND_IN_MILLISECONDS;
const ONE_HOUR_IN_MILLISECONDS = 60n * ONE_MINUTE_IN_MILLISECONDS;
const ONE_DAY_IN_MILLISECONDS = 24n * ONE_HOUR_IN_MILLISECONDS;
const MAX_DECIMAL_DIGITS = 100; // The same limit as `Number#toFixed()`, which keeps the output a sensible size.

// A negative or fractional count is not a digit count, and a `NaN` count would leak into the output as `NaN`.
const decimalDigits = (value, defaultValue) => typeof value === 'number' && !Number.isNaN(value)
	? Math.min(Math.max(Math.trunc(value), 0), MAX_DECIMAL_DIGITS)
	: defaultValue;

// The duration as the exact fraction `value / scale` milliseconds, so every field can be derived with exact BigInt arithmetic.
// An integer is exact at any size, including a number past the safe range. A fractional number is rounded to 15 significant digits, counting the whole duration, as that is all the precision a double has. This turns float noise back into the intended value: `0.57 * 100_000` is `56999.99999999999`, which is read as `57000`, and `999.9999999999999` is read as `1000`. Digits past the 15th are rounded away, so they are not exact.
const toExactMilliseconds = milliseconds => {
	// eslint-disable-next-line unicorn/prefer-number-is-safe-integer -- An integer past the safe range is still exact.
	if (typeof milliseconds === 'bigint' || Number.isInteger(milliseconds)) {
		return {value: BigInt(milliseconds), scale: 1n};
	}

	const [significand, exponent = '0'] = milliseconds.toPrecision(15).split('e', 2);
	const [whole, fraction = ''] = significand.split('.', 2);
	const digits = BigInt(whole + fraction);
	const decimals = fraction.length - Number(exponent);

	// From `1e15` up, the 15 digits end before the decimal point, so the exponent is positive. The fraction is then dropped and the duration is rounded to the nearest 10 milliseconds. A number from `2 ** 52` up is always an integer, so this only applies below that.
	return decimals < 0
		? {value: digits * (10n ** BigInt(-decimals)), scale: 1n}
		: {value: digits, scale: 10n ** BigInt(decimals)};
};

// Places the decimal point in a count of steps of `10 ** -digits`.
const formatSteps = (steps, digits) => {
	if (digits === 0) {
		return String(steps);
	}

	const padded = String(steps).padStart(digits + 1, '0');
	return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
};

function prettyMilliseconds(milliseconds, options) {
	const isBigInt = typeof milliseconds === 'bigint';
	if (!isBigInt && !Number.isFinite(milliseconds)) {
		throw new TypeError('Expected a finite number or bigint');
	}

	options = {...options};

	const sign = milliseconds < 0 ? '-' : '';
	// eslint-disable-next-line unicorn/prefer-math-abs -- `Math.abs()` throws on a bigint, and the bigint path reaches here.
	milliseconds = milliseconds < 0 ? -milliseconds : milliseconds; // Cannot use `Math.abs()` because of BigInt support.

	if (options.colonNotation) {
		options.compact = false;
		options.formatSubMilliseconds = false;
		options.separateMilliseconds = false;
		options.verbose = false;
		// Dropping a field from the right would change what the remaining fields mean: `1:01:01` would become `1:01`, which reads as 1 minute.
		options.unitCount = undefined;
	}

	if (options.compact) {
		options.unitCount = 1;
		options.secondsDecimalDigits = 0;
		options.millisecondsDecimalDigits = 0;
	}

	let result = [];

	const add = (value, long, short, valueString) => {
		// Colon notation always shows the minutes, and the hours too when the seconds are hidden, so the last fields read as `m:ss`, or as `h:mm` without the seconds. A duration under a minute keeps its seconds, so it reads as `h:mm:ss` there.
		const isAlwaysShown = options.colonNotation && (short === 'm' || (short === 'h' && options.hideSeconds));

		if (
			!isAlwaysShown
			&& (result.length === 0 || !options.colonNotation)
			&& isZero(value)) {
			return;
		}

		valueString ??= String(value);
		if (options.colonNotation) {
			const wholeDigits = valueString.includes('.') ? valueString.split('.', 1)[0].length : valueString.length;
			// The first field is not padded. The days after a year go up to 364, so they get 3 digits to keep the width.
			let minLength = 1;
			if (result.length > 0) {
				minLength = short === 'd' ? 3 : 2;
			}

			valueString = '0'.repeat(Math.max(0, minLength - wholeDigits)) + valueString;
		} else {
			valueString += options.verbose ? ' ' + pluralize(long, value) : short;
		}

		result.push(valueString);
	};

	const {value, scale} = toExactMilliseconds(milliseconds);
	const second = ONE_SECOND_IN_MILLISECONDS * scale;
	const minute = ONE_MINUTE_IN_MILLISECONDS * scale;
	const hour = ONE_HOUR_IN_MILLISECONDS * scale;
	const day = ONE_DAY_IN_MILLISECONDS * scale;

	// The days, hours, minutes, seconds, and sub-millisecond fields are floored from the exact value, so none of them can round up into the next unit. Only the milliseconds, when they are the last unit, are rounded (see below).
	const days = value / day;
	const hoursWithinDay = (value % day) / hour;
	const minutesWithinHour = (value % hour) / minute;

	if (options.hideYearAndDays) {
		add((days * 24n) + hoursWithinDay, 'hour', 'h');
	} else {
		if (options.hideYear) {
			add(days, 'day', 'd');
		} else {
			add(days / 365n, 'year', 'y');
			add(days % 365n, 'day', 'd');
		}

		add(hoursWithinDay, 'hour', 'h');
	}

	add(minutesWithinHour, 'minute', 'm');

	const secondsDecimalDigits = decimalDigits(options.secondsDecimalDigits, 1);
	const secondsStepsPerSecond = 10n ** BigInt(secondsDecimalDigits);

	// A duration under a minute has no coarser field, so hiding the seconds would leave nothing to carry its value.
	const hideSeconds = options.hideSeconds && value >= minute;

	// `subSecondsAsDecimals` moves the value into the seconds field, so it only applies when that field is rendered and can represent the value, at least one step of the seconds digits. Otherwise the value is lost.
	const canShowAsDecimalSeconds = options.subSecondsAsDecimals
		&& !hideSeconds
		&& value * secondsStepsPerSecond >= second;

	if (!hideSeconds) {
		const withinMinute = value % minute;

		if (
			options.separateMilliseconds
			|| options.formatSubMilliseconds
			|| (!canShowAsDecimalSeconds && !options.colonNotation && value < second)
		) {
			add(withinMinute / second, 'second', 's');

			if (options.formatSubMilliseconds) {
				// Floored to whole nanoseconds, the smallest unit shown. `formatSubMilliseconds` shows these as they are, so a duration under 1 nanosecond is `0ms` there.
				const subMillisecondNanoseconds = ((value % scale) * 1_000_000n) / scale;

				add((value % second) / scale, 'millisecond', 'ms');
				add(subMillisecondNanoseconds / 1000n, 'microsecond', 'µs');
				add(subMillisecondNanoseconds % 1000n, 'nanosecond', 'ns');
			} else {
				const millisecondsDecimalDigits
					= decimalDigits(options.millisecondsDecimalDigits, 0);
				const stepsPerMillisecond = 10n ** BigInt(millisecondsDecimalDigits);

				// Rounded half up in exact steps of the last digit, as a float sum of the parts can land a midpoint like `1.005` below it.
				let steps = ((2n * (value % second) * stepsPerMillisecond) + scale) / (2n * scale);

				// Under a second, the zero field is dropped entirely, so a nonzero duration is clamped to the smallest representable value instead of rounding down onto it. From a second up, the seconds field carries the value, so the milliseconds round normally.
				if (steps === 0n && value > 0n && value < second) {
					steps = 1n;
				}

				// The milliseconds are rounded, not floored, but never up to a full second, which would need the seconds field.
				const maximumSteps = (1000n * stepsPerMillisecond) - 1n;
				if (steps > maximumSteps) {
					steps = maximumSteps;
				}

				const millisecondsString = formatSteps(steps, millisecondsDecimalDigits);

				add(
					Number(millisecondsString),
					'millisecond',
					'ms',
					millisecondsString,
				);
			}
		} else {
			// Floored to the digit count, so the seconds never round up into the next step, or to `60s`.
			const secondsFixed = formatSteps((withinMinute * secondsStepsPerSecond) / second, secondsDecimalDigits);
			const secondsString = options.keepDecimalsOnWholeSeconds
				? secondsFixed
				: secondsFixed.replace(/\.0+$/v, '');
			add(Number(secondsString), 'second', 's', secondsString);
		}
	}

	const separator = options.colonNotation ? ':' : ' ';
	if (typeof options.unitCount === 'number') {
		// `Math.max()` propagates `NaN`, and `slice(0, NaN)` is an empty slice, which would drop every unit.
		result = result.slice(0, Math.max(options.unitCount, 1) || Infinity);
	}

	const output = result.length === 0
		? '0' + (options.verbose ? ' milliseconds' : 'ms')
		: result.join(separator);

	// Rounding can leave nothing but zeros behind, and a signed zero reads as a negative duration.
	return /[1-9]/v.test(output) ? sign + output : output;
}

/**
 * The lines a build's log keeps (printed whole when it fails, or folded in
 * the action): all of them up to a bound, then the last ones, with a line
 * that says how many were left out. A build that prints 200 MB has already
 * streamed it; what is kept for the end stays small.
 */
const KEPT_LOG_CHARS = 1024 * 1024;
const size = (chars) => chars >= 1024 * 1024 ? `${chars / 1024 / 1024} MiB` : `${chars} characters`;
class KeptLines {
    limit;
    lines = [];
    start = 0;
    chars = 0;
    dropped = 0;
    constructor(limit = KEPT_LOG_CHARS) {
        this.limit = limit;
    }
    push(...lines) {
        for (const line of lines) {
            this.lines.push(line);
            this.chars += line.length + 1;
            while (this.chars > this.limit && this.lines.length - this.start > 1) {
                this.chars -= this.lines[this.start].length + 1;
                this.start++;
                this.dropped++;
            }
        }
        if (this.start > 4096 && this.start * 2 > this.lines.length) {
            this.lines = this.lines.slice(this.start);
            this.start = 0;
        }
    }
    get length() {
        return this.lines.length - this.start + (this.dropped > 0 ? 1 : 0);
    }
    /** The kept lines, each ending in a newline. */
    text() {
        const kept = this.lines.slice(this.start);
        const note = this.dropped > 0
            ? [
                `… ${this.dropped} earlier lines left out (the log keeps its last ${size(this.limit)}) …`
            ]
            : [];
        return [...note, ...kept].map(line => `${line}\n`).join('');
    }
}

/**
 * The live log of a build run: each step as the user knows it (`▸ build:
 * python -m build .`), its output as it comes, then `✓ build (12.3s)` or
 * `✗ build failed: exit code 1 (3.1s)`, and a heartbeat in long silences.
 *
 * Why it looks like this:
 * - One build at a time (parallel 1, or one identifier) streams everything
 *   in order, as cibuildwheel does: its users expect to watch the compiler.
 *   In the action that stream is the identifier's ::group::, so the log folds
 *   per identifier, and a ✓/✗ line after the group says how it ended.
 * - Several at once on a terminal: a status board of the running builds
 *   (step and elapsed time), with finished steps scrolling above it, as cargo
 *   and Bazel show parallel work. Raw output would interleave into noise, so
 *   it is kept, and a failed build's log is printed whole when it fails,
 *   the way both tools print the output of a failed unit.
 * - Several at once in a log file (the CLI, no terminal to redraw): every
 *   line as it comes, prefixed with its identifier (`[cp312-manylinux_x86_64]`),
 *   like `docker compose` or `make -j`, so a stuck or killed job still shows
 *   what each build last did.
 * - Several at once in the action: each build's log is printed whole in its
 *   own group when it ends (groups fold, and the problem matcher reads the
 *   lines as the compiler wrote them); live, only a prefixed line when a
 *   build starts, a heartbeat every 30 s naming its step, and its result.
 *   Each line of a log appears once, either way.
 * - A heartbeat (`… build still running (1m 30s)`) after every 30 s of
 *   silence, so a slow link step never looks like a hang.
 * - Nothing is held back longer than a partial line; flush() writes those
 *   (and, on a board, the logs of the running builds) before the process
 *   exits on a signal.
 * The kept log (text()) is plain; colour is only in what is printed.
 */
const HEARTBEAT_MS = 30_000;
const DISPLAY_CHARS = 400;
function liveMode(concurrent, tty) {
    return !concurrent ? 'stream' : tty ? 'board' : 'prefixed';
}
const duration = (ms, digits = 1) => prettyMilliseconds(ms, { secondsDecimalDigits: digits, keepDecimalsOnWholeSeconds: false });
const PREFIX_COLOURS = ['cyan', 'magenta', 'blue', 'yellow', 'green'];
const SPINNER = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
/** Plain and coloured forms of the lines a build prints. */
function stepLines(paint) {
    return {
        started: (step) => {
            const display = step.display && step.display.length > DISPLAY_CHARS
                ? `${step.display.slice(0, DISPLAY_CHARS)}… (${step.display.length - DISPLAY_CHARS} more characters)`
                : step.display;
            const shown = display && display !== step.name ? `: ${display}` : '';
            return [`▸ ${step.name}${shown}`, `${paint.cyan('▸')} ${paint.bold(step.name)}${shown}`];
        },
        finished: (name, code, ms, interrupted) => interrupted
            ? [
                `✗ ${name} interrupted by ${interrupted} (${duration(ms)})`,
                `${paint.red('✗')} ${name} ${paint.red(`interrupted by ${interrupted}`)} ${paint.dim(`(${duration(ms)})`)}`
            ]
            : code === 0
                ? [
                    `✓ ${name} (${duration(ms)})`,
                    `${paint.green('✓')} ${name} ${paint.dim(`(${duration(ms)})`)}`
                ]
                : [
                    `✗ ${name} failed: exit code ${code} (${duration(ms)})`,
                    `${paint.red('✗')} ${name} ${paint.red(`failed: exit code ${code}`)} ${paint.dim(`(${duration(ms)})`)}`
                ],
        heartbeat: (name, ms) => {
            const text = `… ${name} still running (${duration(ms, 0)})`;
            return [text, paint.dim(text)];
        }
    };
}
/** The complete lines of `held + chunk`, and the partial line left after them. */
function splitLines(held, chunk) {
    const lines = (held + chunk).replace(/\r\n?/g, '\n').split('\n');
    const partial = lines.pop() ?? '';
    return { lines, partial };
}
function liveOutput(settings) {
    const { reporter } = settings;
    const now = settings.now ?? Date.now;
    const heartbeatMs = settings.heartbeatMs ?? HEARTBEAT_MS;
    const mode = liveMode(settings.concurrent, reporter.terminal.tty);
    const paint = paintFor(reporter.terminal);
    const lines = stepLines(paint);
    const running = new Set();
    let started = 0;
    const drawBoard = () => {
        if (mode !== 'board')
            return;
        const frame = SPINNER[Math.floor(now() / 100) % SPINNER.length];
        reporter.status([...running].map(build => {
            const step = build.step;
            const doing = step ? `${step.name}${step.display ? `: ${step.display}` : ''}` : 'waiting';
            return `${frame} ${build.identifier}  ${duration(now() - build.started, 0)}  ${doing}`;
        }));
    };
    const tick = () => {
        for (const build of running) {
            const step = build.step;
            if (!step || now() - step.quietSince < heartbeatMs || mode === 'board')
                continue;
            step.quietSince = now();
            const [plain, shown] = lines.heartbeat(step.name, now() - step.started);
            say(build, plain, shown, false);
        }
        drawBoard();
    };
    const timer = setInterval(tick, Math.min(1000, heartbeatMs));
    timer.unref();
    const prefixOf = (build, index) => {
        const colour = PREFIX_COLOURS[index % PREFIX_COLOURS.length];
        return paint[colour](`[${build.identifier}]`);
    };
    const prefixes = new Map();
    /** The action's parallel log: the kept lines are printed once, in the group at the end. */
    const foldedOnly = mode === 'prefixed' && settings.foldedLogs;
    /**
     * Prints a line of a build, where this mode shows it live; `keep` puts it
     * in the log, `raw` marks what the build printed (never a workflow command).
     */
    const say = (build, plain, shown = plain, keep = true, raw = false) => {
        if (keep)
            build.kept.push(plain);
        const write = (text) => (raw ? reporter.output(text) : reporter.line(text));
        if (mode === 'stream')
            write(shown);
        else if (foldedOnly ? !keep : !(raw && mode === 'board'))
            write(`${prefixes.get(build)} ${shown}`.trimEnd());
    };
    const outputLine = (build, rewrite, line) => {
        const text = rewrite(line);
        say(build, text, text, true, true);
    };
    const endPartial = (build, rewrite) => {
        if (build.partial === '')
            return;
        outputLine(build, rewrite, build.partial);
        build.partial = '';
    };
    return {
        begin(identifier, label) {
            const build = { identifier, started: now(), partial: '', kept: new KeptLines() };
            running.add(build);
            prefixes.set(build, prefixOf(build, started++));
            const rewrite = settings.rewrite?.(identifier) ?? ((line) => line);
            if (mode === 'stream')
                reporter.startGroup(`${identifier} ${label}`);
            else
                reporter.line(`${prefixes.get(build)} ${paint.bold('started')} ${label}`);
            drawBoard();
            return {
                note: text => say(build, text),
                warning: text => {
                    endPartial(build, rewrite);
                    build.kept.push(`warning: ${text}`);
                    reporter.warning(`${identifier}: ${text}`);
                },
                stepStarted: step => {
                    endPartial(build, rewrite);
                    const at = now();
                    build.step = { name: step.name, display: step.display, started: at, quietSince: at };
                    const [plain, shown] = lines.started(step);
                    say(build, plain, shown);
                    drawBoard();
                },
                output: chunk => {
                    // With the output folded away, the heartbeat is the only sign of life: it keeps its beat.
                    if (build.step && !foldedOnly)
                        build.step.quietSince = now();
                    const { lines: complete, partial } = splitLines(build.partial, chunk);
                    build.partial = partial;
                    for (const line of complete)
                        outputLine(build, rewrite, line);
                },
                stepFinished: (step, code, ms, interrupted) => {
                    endPartial(build, rewrite);
                    build.step = undefined;
                    const [plain, shown] = lines.finished(step.name, code, ms, interrupted);
                    say(build, plain, shown);
                    drawBoard();
                },
                text: () => build.kept.text(),
                finished: end => {
                    endPartial(build, rewrite);
                    running.delete(build);
                    const took = duration(now() - build.started);
                    const text = build.kept.text();
                    const how = end.ok
                        ? end.title
                        : end.interrupted
                            ? `interrupted by ${end.interrupted} at ${end.step}`
                            : `failed at ${end.step}`;
                    if (mode === 'stream')
                        reporter.endGroup();
                    else if (settings.foldedLogs || (mode === 'board' && !end.ok))
                        reporter.group(`${identifier}: ${end.ok || end.interrupted ? how : `FAILED at ${end.step}`}`, text);
                    const result = end.ok
                        ? `${paint.green('✓')} ${paint.bold(identifier)} ${how} ${paint.dim(`(${took})`)}`
                        : `${paint.red('✗')} ${paint.bold(identifier)} ${paint.red(how)} ${paint.dim(`(${took})`)}`;
                    reporter.line(result);
                    prefixes.delete(build);
                    drawBoard();
                }
            };
        },
        flush() {
            for (const build of running) {
                const rewrite = settings.rewrite?.(build.identifier) ?? ((line) => line);
                endPartial(build, rewrite);
                if (mode === 'stream')
                    reporter.endGroup();
                else if (mode === 'board' || (mode === 'prefixed' && settings.foldedLogs))
                    reporter.group(`${build.identifier}: stopped (log so far)`, build.kept.text().trimEnd());
            }
            if (mode === 'board')
                reporter.status([]);
        },
        close() {
            clearInterval(timer);
            if (mode === 'board')
                reporter.status([]);
        }
    };
}
/** A BuildLog that only keeps what it is told (group setup in tests, or no live output). */
function keptLog() {
    const lines = stepLines(paintFor({ color: false}));
    const kept = new KeptLines();
    let partial = '';
    const end = () => {
        if (partial !== '')
            kept.push(partial);
        partial = '';
    };
    return {
        note: text => kept.push(text),
        warning: text => kept.push(`warning: ${text}`),
        stepStarted: step => {
            end();
            kept.push(lines.started(step)[0]);
        },
        output: chunk => {
            const split = splitLines(partial, chunk);
            partial = split.partial;
            kept.push(...split.lines);
        },
        stepFinished: (step, code, ms, interrupted) => {
            end();
            kept.push(lines.finished(step.name, code, ms, interrupted)[0]);
        },
        text: () => kept.text() + (partial ? `${partial}\n` : '')
    };
}

/**
 * `--log-format json`: the run as a stream of events, one JSON object a line
 * on stderr, for scripts and the benchmark, instead of the log people read.
 * Each event has `event` and `t`, the milliseconds since the process started:
 *
 * - `message` {level: info|warning|line, text}; `group` {title, text};
 *   `group-start` {title}; `group-end`; `summary` {text}; `set-output`
 *   {name, value} (the action's outputs: `wheels`, `wheelhouse`, ...);
 * - for each build, and for each group's setup (identifier `setup`):
 *   `build-started` {identifier, label}, `step-started` {identifier, step,
 *   display}, `step-output` {identifier, text} for each line a step prints,
 *   `note` {identifier, text}, `step-finished` {identifier, step, code, ms},
 *   `build-finished` {identifier, ok, title or step, ms, and
 *   compilerCache {tool, hits, misses, savedSeconds} when the build ran with one};
 * - after the builds, `compiler-cache` {tool, hits, misses, savedSeconds}: the
 *   job's totals, when a build ran with a compiler cache;
 * - at the end, `usage` {cpuMs}: the CPU time of wheelwright's own process
 *   (options, plan, this stream; not the steps it ran); then, when the
 *   command fails, `error` {text, exitCode}.
 *
 * Results (identifiers, a dry-run plan) still go to stdout as they are.
 * Every registered secret is masked in every string, as in the text log.
 */
const LOG_FORMATS = ['text', 'json'];
/** Milliseconds since this process started, to a tenth. */
const since = () => Math.round(performance.now() * 10) / 10;
/** The reporter of `--log-format json`. */
function jsonReporter(rawStdout = text => void process.stdout.write(text), rawStderr = text => void process.stderr.write(text)) {
    const { add, mask } = secretMask();
    const emit = (fields) => {
        const masked = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v]));
        rawStderr(`${JSON.stringify({ ...masked, t: since() })}\n`);
    };
    return {
        result: text => rawStdout(mask(text.endsWith('\n') ? text : `${text}\n`)),
        info: text => emit({ event: 'message', level: 'info', text }),
        warning: text => emit({ event: 'message', level: 'warning', text }),
        line: text => emit({ event: 'message', level: 'line', text }),
        output: text => emit({ event: 'message', level: 'line', text }),
        group: (title, text) => emit({ event: 'group', title, text }),
        startGroup: title => emit({ event: 'group-start', title }),
        endGroup: () => emit({ event: 'group-end' }),
        status: () => undefined,
        setOutput: (name, value) => emit({ event: 'set-output', name, value }),
        summary: async (_markdown, plain) => emit({ event: 'summary', text: plain }),
        setSecret: add,
        event: emit,
        terminal: PLAIN,
        flush: async () => {
            await drained(process.stdout);
            await drained(process.stderr);
        }
    };
}
/** The live output of a run as events; each build also keeps its plain log (a failure's). */
function eventOutput(emit, rewrite = undefined) {
    const open = new Set();
    return {
        begin(identifier, label) {
            const kept = keptLog();
            const started = performance.now();
            const shown = rewrite?.(identifier) ?? ((line) => line);
            let partial = '';
            const lines = (texts) => {
                for (const line of texts)
                    emit({ event: 'step-output', identifier, text: shown(line) });
            };
            const endPartial = () => {
                if (partial !== '')
                    lines([partial]);
                partial = '';
            };
            open.add(endPartial);
            emit({ event: 'build-started', identifier, label });
            return {
                note: text => {
                    kept.note(text);
                    emit({ event: 'note', identifier, text });
                },
                warning: text => {
                    kept.note(`warning: ${text}`);
                    emit({ event: 'message', level: 'warning', text: `${identifier}: ${text}` });
                },
                stepStarted: (step) => {
                    endPartial();
                    kept.stepStarted(step);
                    emit({ event: 'step-started', identifier, step: step.name, display: step.display ?? '' });
                },
                output: chunk => {
                    kept.output(chunk);
                    const split = splitLines(partial, chunk);
                    partial = split.partial;
                    lines(split.lines);
                },
                stepFinished: (step, code, ms) => {
                    endPartial();
                    kept.stepFinished(step, code, ms);
                    emit({ event: 'step-finished', identifier, step: step.name, code, ms });
                },
                text: () => kept.text(),
                finished: end => {
                    endPartial();
                    open.delete(endPartial);
                    const ms = Math.round(performance.now() - started);
                    emit(end.ok
                        ? {
                            event: 'build-finished',
                            identifier,
                            ok: true,
                            title: end.title,
                            ms,
                            ...(end.compilerCache ? { compilerCache: end.compilerCache } : {})
                        }
                        : { event: 'build-finished', identifier, ok: false, step: end.step, ms });
                }
            };
        },
        flush() {
            for (const endPartial of open)
                endPartial();
        },
        close() { }
    };
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

/** `write` without `::debug::` lines. */
function withoutDebugCommands(write, stream) {
    return ((chunk, ...rest) => typeof chunk === 'string' && chunk.startsWith('::debug::')
        ? true
        : write.call(stream, chunk, ...rest));
}
function hideDebugCommands(stream) {
    stream.write = withoutDebugCommands(stream.write, stream);
}

export { LOG_FORMATS as L, VERSION as V, cliReporter as a, detectRunner as b, checkAllowedArchs as c, detectTerminal as d, actionReporter as e, annotationsOf as f, eventOutput as g, hideDebugCommands as h, failureKind as i, jsonReporter as j, duration as k, liveOutput as l, paintFor as m, checkArchsSelected as n, parseArchs as p, thisMachine as t, withoutDebugCommands as w };
