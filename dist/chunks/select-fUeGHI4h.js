import { U as UserError } from './selector-wT822Vb0.js';
import { b as platformNamed, F as selectConfigurations } from './identifiers-BO1s8poE.js';

/**
 * How much an emulated identifier weighs against max-per-job: QEMU builds are
 * 5 to 20 times slower than native ones; the low end keeps groups useful.
 */
const EMULATION_WEIGHT = 5;
/** Splits `items` into `count` contiguous chunks whose sizes differ by at most one. */
function balancedChunks(items, count) {
    const chunks = [];
    let start = 0;
    for (let i = 0; i < count; i++) {
        const size = Math.floor(items.length / count) + (i < items.length % count ? 1 : 0);
        chunks.push(items.slice(start, start + size));
        start += size;
    }
    return chunks.filter(c => c.length > 0);
}
function buildMatrix(configurations, maxPerJob) {
    const byArch = new Map();
    for (const c of configurations) {
        // One bucket per platform tag: manylinux and musllinux need different images.
        const key = c.identifier.slice(c.identifier.indexOf('-') + 1);
        byArch.set(key, [...(byArch.get(key) ?? []), c]);
    }
    const entries = [];
    for (const [key, list] of byArch) {
        const { platform, arch } = list[0];
        const owner = platformNamed(platform);
        // An identifier built under emulation on its runner counts as several.
        const weight = owner.containers?.emulatedOn(arch, owner.runners.machine(arch))
            ? EMULATION_WEIGHT
            : 1;
        const count = maxPerJob > 0 ? Math.min(list.length, Math.ceil((list.length * weight) / maxPerJob)) : 1;
        const chunks = balancedChunks(list, count);
        chunks.forEach((chunk, index) => {
            entries.push({
                os: platformNamed(platform).runners.label(arch),
                platform,
                archs: arch,
                group: chunks.length > 1 ? `${key}-${index + 1}` : key,
                identifiers: chunk.map(c => c.identifier)
            });
        });
    }
    return entries;
}

/** Exactly what `cibuildwheel --print-build-identifiers` would list. */
function selectedConfigurations(options) {
    return selectConfigurations(options.platform, options.archs, options.selector, options.runner);
}
/** The configurations of one job: all of them, or those of `group`. */
function jobConfigurations(options) {
    const all = selectedConfigurations(options);
    if (!options.group)
        return all;
    const matrix = buildMatrix(all, options.maxPerJob);
    const entry = matrix.find(e => e.group === options.group);
    if (!entry) {
        throw new UserError('names no group of the plan', {
            key: 'group',
            value: options.group,
            hint: `groups are ${matrix.map(e => e.group).join(', ') || '(none)'}; pass the same options as the plan job`
        });
    }
    return all.filter(c => entry.identifiers.includes(c.identifier));
}

export { buildMatrix as b, jobConfigurations as j, selectedConfigurations as s };
