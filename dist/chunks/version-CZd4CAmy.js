import { U as UserError } from './credentials-D03WqulP.js';
import { p as platformNamed, P as PLATFORM_LIST } from './identifiers-BuIM9h_c.js';

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

/** The wheelwright version; part of every cache key. Keep equal to package.json. */
const VERSION = '0.1.0';

export { VERSION as V, checkArchsSelected as a, checkAllowedArchs as c, detectRunner as d, parseArchs as p, thisMachine as t };
