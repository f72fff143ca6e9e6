import { U as UserError } from './selector-wT822Vb0.js';
import { s as sameVersion, n as normalizeVersion } from './version-B18YtENW.js';

/**
 * Tag ↔ version: the tag of a `refs/tags/...` ref, and whether it names the
 * version of the files about to be published. PEP 440 normalisation allows a
 * leading `v` and treats `v1.0` and `1.0.0` as the same version.
 */
const TAG_PREFIX = 'refs/tags/';
/** `refs/tags/v1.2.3` → `v1.2.3`; undefined for a branch or no ref. */
function tagOfRef(ref) {
    if (!ref?.startsWith(TAG_PREFIX))
        return undefined;
    const tag = ref.slice(TAG_PREFIX.length);
    return tag === '' ? undefined : tag;
}
/** The version a tag names (normal form), or undefined when it names none. */
function versionOfTag(tag) {
    return normalizeVersion(tag);
}
/**
 * Throws unless `tag` names `version`. `key` is the input that turns the
 * check off, named in the error.
 */
function checkTagMatchesVersion(tag, version, key = 'verify-tag') {
    const tagVersion = versionOfTag(tag);
    if (tagVersion === undefined) {
        throw new UserError(`the tag ${JSON.stringify(tag)} is not a PEP 440 version, so it cannot be checked against the package version ${version}; nothing was uploaded`, {
            key,
            value: tag,
            hint: `tag releases as v${version} or ${version}, or set ${key}: false to publish without this check`
        });
    }
    if (!sameVersion(tagVersion, version)) {
        throw new UserError(`the tag ${JSON.stringify(tag)} (version ${tagVersion}) does not match the package version ${version}; nothing was uploaded`, {
            key,
            hint: `bump the version in the project to ${tagVersion} and tag that commit, or move the tag to the commit that has version ${version}`
        });
    }
}

export { checkTagMatchesVersion as c, tagOfRef as t };
