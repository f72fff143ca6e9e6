import { U as UserError } from './selector-DCRlYccv.js';

/**
 * The `archs` option: `auto`, `native`, `all`, `auto64`, `auto32`, explicit
 * names, and the synonyms between OSes (x86_64 ↔ AMD64, aarch64 ↔ arm64 ↔ ARM64).
 */
const ALL_ARCHS = {
    linux: ['x86_64', 'i686', 'aarch64', 'ppc64le', 's390x', 'armv7l', 'riscv64'],
    macos: ['x86_64', 'arm64', 'universal2'],
    windows: ['x86', 'AMD64', 'ARM64']
};
const SYNONYMS = [
    { linux: 'x86_64', macos: 'x86_64', windows: 'AMD64' },
    { linux: 'i686', macos: null, windows: 'x86' },
    { linux: 'aarch64', macos: 'arm64', windows: 'ARM64' }
];
/** The same machine under another OS's name; null when that OS has no such arch. */
function archSynonym(arch, from, to) {
    for (const row of SYNONYMS) {
        if (row[from] === arch)
            return row[to] === undefined ? arch : row[to];
    }
    return arch;
}
function nativeArch(platform, runner) {
    if (runner.platform === platform)
        return runner.machine;
    return archSynonym(runner.machine, runner.platform, platform);
}
const TO_32 = { x86_64: 'i686', AMD64: 'x86', aarch64: 'armv7l' };
function parseArchs(value, platform, runner, key = 'archs') {
    const result = new Set();
    const native = nativeArch(platform, runner);
    for (const word of value.split(/[\s,]+/).filter(Boolean)) {
        switch (word) {
            case 'auto':
                if (native) {
                    result.add(native);
                    if (platform === 'windows' && native === 'AMD64')
                        result.add('x86');
                }
                break;
            case 'native':
                if (native)
                    result.add(native);
                break;
            case 'all':
                ALL_ARCHS[platform].forEach(a => result.add(a));
                break;
            case 'auto64':
                if (native && !Object.values(TO_32).includes(native))
                    result.add(native);
                break;
            case 'auto32':
                if (native && Object.values(TO_32).includes(native))
                    result.add(native);
                // aarch64 can run armv7l only with a 32-bit EL0; like cibuildwheel without
                // `linux32`, we do not assume it.
                else if (native && TO_32[native] && native !== 'aarch64' && platform !== 'macos')
                    result.add(TO_32[native]);
                break;
            default: {
                const name = resolveArchName(word, platform);
                if (!name) {
                    throw new UserError('unknown architecture', {
                        key,
                        value: word,
                        hint: `use auto, native, all, auto64, auto32 or one of ${ALL_ARCHS[platform].join(', ')}`
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
    const own = ALL_ARCHS[platform].find(a => a.toLowerCase() === lower);
    if (own)
        return own;
    for (const p of Object.keys(ALL_ARCHS)) {
        const found = ALL_ARCHS[p].find(a => a.toLowerCase() === lower);
        if (found)
            return found;
    }
    return [
        'wasm32',
        'arm64_v8a',
        'arm64_iphoneos',
        'arm64_iphonesimulator',
        'x86_64_iphonesimulator'
    ].find(a => a === lower);
}
/** cibuildwheel refuses archs the platform cannot build (exit 4). */
function checkAllowedArchs(archs, platform, key = 'archs') {
    const allowed = ALL_ARCHS[platform];
    const bad = [...archs].filter(a => !allowed.includes(a));
    if (bad.length > 0) {
        const renames = bad.flatMap(arch => Object.keys(ALL_ARCHS)
            .map(from => (ALL_ARCHS[from].includes(arch) ? archSynonym(arch, from, platform) : null))
            .filter((name) => !!name && name !== arch && allowed.includes(name))
            .slice(0, 1)
            .map(name => `${arch} is called ${name} on ${platform}`));
        throw new UserError(`${platform} cannot build ${bad.join(', ')}`, {
            key,
            value: bad.join(' '),
            hint: [...renames, `${platform} supports ${allowed.join(', ')}`].join('; ')
        });
    }
    if (archs.size === 0) {
        throw new UserError(`no architecture selected for ${platform}`, {
            key,
            hint: `this runner cannot build ${platform} natively; name the archs explicitly`
        });
    }
}

/** The wheelwright version; part of every cache key. Keep equal to package.json. */
const VERSION = '0.1.0';

export { VERSION as V, checkAllowedArchs as c, parseArchs as p };
