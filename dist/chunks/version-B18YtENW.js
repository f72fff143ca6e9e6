import { e as explain } from './version-DsHt9dgB.js';

/**
 * PEP 440 versions as the publish checks need them: parsed with
 * @renovatebot/pep440, written back in normal form, and compared the way an
 * index compares them (`1.0` and `1.0.0` are the same release).
 */
/** The normal form of a PEP 440 version (`V1.0-1` → `1.0.post1`), or undefined. */
function normalizeVersion(text) {
    return format(text, release => release);
}
/**
 * The comparison key: the normal form with trailing zeros of the release
 * dropped, so that every spelling of one version gives the same key.
 */
function versionKey(text) {
    return format(text, release => {
        const trimmed = [...release];
        while (trimmed.length > 1 && trimmed[trimmed.length - 1] === 0)
            trimmed.pop();
        return trimmed;
    });
}
/** True when both are valid versions and PEP 440 considers them equal. */
function sameVersion(a, b) {
    const left = versionKey(a);
    return left !== undefined && left === versionKey(b);
}
function format(text, release) {
    const parsed = explain(text.trim());
    if (!parsed)
        return undefined;
    let result = parsed.epoch ? `${parsed.epoch}!` : '';
    result += release(parsed.release).join('.');
    if (parsed.pre)
        result += `${parsed.pre[0]}${parsed.pre[1]}`;
    if (parsed.post !== null && parsed.post !== undefined)
        result += `.post${parsed.post}`;
    if (parsed.dev !== null && parsed.dev !== undefined)
        result += `.dev${parsed.dev}`;
    if (parsed.local)
        result += `+${parsed.local}`;
    return result;
}

export { normalizeVersion as n, sameVersion as s, versionKey as v };
