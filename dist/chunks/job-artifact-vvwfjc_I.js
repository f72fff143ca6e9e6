import path from 'node:path';
import { U as UserError } from './selector-wT822Vb0.js';
import { artifactServiceMissing, uploadFiles, artifactUrl } from './artifacts-CzzhEEOk.js';
import 'node:fs';
import './files-dg-71lIr.js';
import 'node:crypto';
import './filename-CvnRmlht.js';
import './version-B18YtENW.js';
import './version-DsHt9dgB.js';

/**
 * Uploads one job's distributions as its artifact, with actions/upload-artifact
 * v4's contract: the upload failing is the step failing (unless
 * upload-artifact: false), `overwrite` and `if-no-files-found`, and the
 * outputs artifact-name, artifact-id, artifact-url and artifact-digest.
 */
/**
 * Throws when this job is to upload an artifact and cannot: checked before
 * any work, so that no build runs only to be lost.
 */
function requireArtifactService(settings, env) {
    if (!settings.uploadArtifact)
        return;
    const missing = artifactServiceMissing(env);
    if (!missing)
        return;
    throw new UserError(`${missing}, so the artifact cannot be uploaded`, {
        key: 'upload-artifact',
        hint: 'this step runs outside a GitHub-hosted or self-hosted runner job that gives ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL (e.g. inside a container step): set upload-artifact: false to keep the files in output-dir'
    });
}
/** True when the artifact was uploaded (and its outputs set). */
async function uploadJobArtifact(request) {
    const { reporter, name, files, settings } = request;
    if (files.length === 0) {
        const message = `no files to upload: artifact ${name} was not created`;
        if (settings.ifNoFilesFound === 'error') {
            throw new UserError(message, {
                key: 'if-no-files-found',
                value: 'error',
                hint: 'the job built no wheel (allow-empty?) and no sdist; set if-no-files-found: warn or ignore to let it pass'
            });
        }
        if (settings.ifNoFilesFound === 'warn')
            reporter.warning(message);
        return false;
    }
    requireArtifactService(settings, request.env);
    const result = await uploadFiles({
        name,
        files,
        rootDirectory: request.rootDirectory,
        retentionDays: settings.retentionDays,
        compressionLevel: settings.compressionLevel,
        overwrite: settings.overwrite
    });
    reporter.setOutput('artifact-name', name);
    reporter.setOutput('artifact-id', result.id === undefined ? '' : String(result.id));
    reporter.setOutput('artifact-url', artifactUrl(request.env, result.id));
    reporter.setOutput('artifact-digest', result.digest ?? '');
    reporter.info(`artifact ${name}: ${files.map(f => path.basename(f)).join(', ')} (${result.size ?? '?'} bytes, id ${result.id ?? '?'}, sha256 ${result.digest ?? '?'})`);
    return true;
}

export { requireArtifactService, uploadJobArtifact };
