import crypto from 'node:crypto';
import fs__default from 'node:fs';
import path from 'node:path';
import { p as parseWheelName } from './filename-CvnRmlht.js';
import { v as versionKey } from './version-B18YtENW.js';

/**
 * Distribution file names: wheels (PEP 427) and sdists (PEP 625,
 * `{name}-{version}.tar.gz`), reduced to what the publish checks compare.
 */
const SDIST_SUFFIXES = ['.tar.gz', '.zip'];
function normalizeProject(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
function isDistributionFile(filename) {
    return filename.endsWith('.whl') || SDIST_SUFFIXES.some(s => filename.endsWith(s));
}
/** Parses a wheel or sdist file name; undefined when it is neither. */
function parseDistributionName(path) {
    const filename = path.replace(/^.*[\\/]/, '');
    if (filename.endsWith('.whl')) {
        let wheel;
        try {
            wheel = parseWheelName(filename);
        }
        catch {
            return undefined;
        }
        const project = normalizeProject(wheel.distribution);
        const version = versionKey(wheel.version);
        if (!version || !wheel.distribution)
            return undefined;
        const tags = [wheel.pythonTags, wheel.abiTags, wheel.platformTags]
            .map(list => [...list].sort().join('.'))
            .join('-');
        return {
            filename,
            kind: 'wheel',
            name: wheel.distribution,
            project,
            version: wheel.version,
            key: `${project} ${version} ${wheel.build ?? ''} ${tags}`
        };
    }
    const suffix = SDIST_SUFFIXES.find(s => filename.endsWith(s));
    if (!suffix)
        return undefined;
    const stem = filename.slice(0, -suffix.length);
    const dash = stem.lastIndexOf('-');
    if (dash <= 0)
        return undefined;
    const name = stem.slice(0, dash);
    const version = stem.slice(dash + 1);
    const key = versionKey(version);
    if (!key)
        return undefined;
    const project = normalizeProject(name);
    return { filename, kind: 'sdist', name, project, version, key: `${project} ${key} sdist` };
}

/** Finding distributions on disk and hashing them. */
function sha256File(file) {
    return crypto.createHash('sha256').update(fs__default.readFileSync(file)).digest('hex');
}
/** Every wheel and sdist under `dir` (recursively), sorted; none when it does not exist. */
function distributionsUnder(dir) {
    const found = [];
    const walk = (current) => {
        for (const entry of fs__default.readdirSync(current, { withFileTypes: true })) {
            const full = path.join(current, entry.name);
            if (entry.isDirectory())
                walk(full);
            else if (entry.isFile() && isDistributionFile(entry.name))
                found.push(full);
        }
    };
    if (fs__default.existsSync(dir))
        walk(dir);
    return found.sort();
}

export { distributionsUnder as d, normalizeProject as n, parseDistributionName as p, sha256File as s };
