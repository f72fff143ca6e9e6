import { U as UserError } from './selector-wT822Vb0.js';

/** PEP 427 wheel file names: parse and the tag facts the pipeline needs. */
function parseWheelName(filename) {
    const base = filename.replace(/^.*[\\/]/, '');
    if (!base.endsWith('.whl'))
        throw badName(base);
    const parts = base.slice(0, -4).split('-');
    if (parts.length !== 5 && parts.length !== 6)
        throw badName(base);
    const [distribution, version] = parts;
    const build = parts.length === 6 ? parts[2] : undefined;
    const [python, abi, platform] = parts.slice(-3);
    return {
        filename: base,
        distribution,
        version,
        ...(build ? { build } : {}),
        pythonTags: python.split('.'),
        abiTags: abi.split('.'),
        platformTags: platform.split('.')
    };
}
function badName(name) {
    return new UserError('is not a wheel file name (name-version[-build]-python-abi-platform.whl)', {
        value: name
    });
}
function isAbi3(wheel) {
    return wheel.abiTags.includes('abi3') && wheel.pythonTags.every(t => t.startsWith('cp'));
}
/** A pure-Python wheel (`none-any`): wrong for a native identifier. */
function isPurePython(wheel) {
    return wheel.abiTags.every(t => t === 'none') && wheel.platformTags.every(t => t === 'any');
}

export { isPurePython as a, isAbi3 as i, parseWheelName as p };
