import path from 'node:path';
import { U as UserError } from './selector-DCRlYccv.js';
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

/**
 * The publish inputs that Options does not carry, resolved purely from the
 * inputs map and the environment: dist-dir, username, the password's source,
 * the artifact pattern, retention and compression.
 */
const DEFAULT_ARTIFACT_PATTERN = 'wheels-* sdist*';
const DEFAULT_USERNAME = '__token__';
const SDIST_ARTIFACT_NAME = 'sdist';
const given = (value) => value === undefined || value.trim() === '' ? undefined : value.trim();
function integer(value, key, min, max, hint) {
    const text = given(value);
    if (text === undefined)
        return undefined;
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
        throw new UserError(`must be a whole number from ${min} to ${max}`, { key, value: text, hint });
    }
    return Number(text);
}
function resolvePublishSettings(inputs, env, cwd, password) {
    const retention = integer(inputs.get('artifact-retention-days'), 'artifact-retention-days', 0, 90, 'leave it empty (or 0) for the repository setting');
    return {
        distDir: path.resolve(cwd, given(inputs.get('dist-dir')) ?? 'dist'),
        username: given(inputs.get('username')) ?? given(env.TWINE_USERNAME) ?? DEFAULT_USERNAME,
        ...((given(password) ?? given(env.TWINE_PASSWORD))
            ? { password: (given(password) ?? given(env.TWINE_PASSWORD)) }
            : {}),
        artifactPattern: given(inputs.get('artifact-pattern')) ?? DEFAULT_ARTIFACT_PATTERN,
        ...(retention ? { retentionDays: retention } : {}),
        compressionLevel: integer(inputs.get('artifact-compression-level'), 'artifact-compression-level', 0, 9, '0 stores (wheels and sdists are already compressed), 9 compresses most') ?? 0
    };
}
/** Whether build mode publishes: `true` always, `tag` only on a tag ref. */
function shouldPublish(mode, ref) {
    return (tagOfRef(ref) !== undefined);
}

var settings = /*#__PURE__*/Object.freeze({
    __proto__: null,
    DEFAULT_ARTIFACT_PATTERN: DEFAULT_ARTIFACT_PATTERN,
    DEFAULT_USERNAME: DEFAULT_USERNAME,
    SDIST_ARTIFACT_NAME: SDIST_ARTIFACT_NAME,
    resolvePublishSettings: resolvePublishSettings,
    shouldPublish: shouldPublish
});

export { SDIST_ARTIFACT_NAME as S, settings as a, checkTagMatchesVersion as c, resolvePublishSettings as r, shouldPublish as s, tagOfRef as t };
