import fs__default from 'node:fs';
import path from 'node:path';
import { U as UserError } from './selector-wT822Vb0.js';

/** Directories a run will write to, checked before any work starts. */
const HINT = 'give the path of a directory';
/** The status of `file`, symlinks followed; why not, when a symlink leads nowhere. */
function follow(file) {
    let link;
    try {
        link = fs__default.lstatSync(file, { throwIfNoEntry: false });
        if (!link)
            return {};
        return { stat: fs__default.statSync(file) };
    }
    catch (error) {
        const code = error.code;
        // A file or a loop on the way (`file/out`): nothing here; the walk up names it.
        if (!link && (code === 'ENOTDIR' || code === 'ELOOP'))
            return {};
        if (code === 'ELOOP')
            return { broken: 'is a symbolic link that loops' };
        if (link?.isSymbolicLink())
            return { broken: `is a symbolic link to ${fs__default.readlinkSync(file)}, which does not exist` };
        return { broken: `cannot be read (${code})` };
    }
}
/**
 * Refuses `dir` unless it is a directory, or can be created as one, and is
 * writable; symlinks on the way are followed, and one that dangles or loops
 * is refused here, naming it. Nothing is created here.
 */
function checkWritableDir(dir, key) {
    let probe = dir;
    let found = follow(probe);
    while (!found.stat && !found.broken && path.dirname(probe) !== probe) {
        probe = path.dirname(probe);
        found = follow(probe);
    }
    if (found.broken) {
        throw new UserError(probe === dir ? found.broken : `cannot be created: ${probe} ${found.broken}`, {
            key,
            value: dir,
            hint: HINT
        });
    }
    if (!found.stat?.isDirectory()) {
        throw new UserError(probe === dir ? 'is a file, not a directory' : `cannot be created: ${probe} is a file`, { key, value: dir, hint: HINT });
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

export { checkWritableDir as c };
