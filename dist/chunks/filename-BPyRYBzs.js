import fs__default from 'node:fs';
import path from 'node:path';
import { U as UserError } from './credentials-z2pHZLQz.js';

/** Directories a run will write to, checked before any work starts. */
/**
 * Refuses `dir` unless it is a directory, or can be created as one, and is
 * writable. Nothing is created here.
 */
function checkWritableDir(dir, key) {
    let probe = dir;
    while (!fs__default.existsSync(probe) && path.dirname(probe) !== probe)
        probe = path.dirname(probe);
    if (!fs__default.statSync(probe).isDirectory()) {
        throw new UserError(probe === dir ? 'is a file, not a directory' : `cannot be created: ${probe} is a file`, { key, value: dir, hint: 'give the path of a directory' });
    }
    try {
        fs__default.accessSync(probe, fs__default.constants.W_OK);
    }
    catch {
        throw new UserError('is not writable', {
            key,
            value: dir,
            hint: `${probe} does not let this user write; choose another directory`
        });
    }
}

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

export { isPurePython as a, checkWritableDir as c, isAbi3 as i, parseWheelName as p };
