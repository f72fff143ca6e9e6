import path from 'node:path';
import { t as toolsContext } from './lock-Bv3Ceag5.js';
import { makeSdist } from './sdist-BCfYLLzt.js';
import { expandArtifactName, checkArtifactName } from './artifacts-CzzhEEOk.js';
import { requireArtifactService, uploadJobArtifact } from './job-artifact-vvwfjc_I.js';
import { SDIST_ARTIFACT_NAME } from './settings-DFpDbotx.js';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import './selector-wT822Vb0.js';
import './dirs-CvDxw7Nn.js';
import './index-Da-eS02x.js';
import 'node:child_process';
import 'node:string_decoder';
import './_commonjsHelpers-Bgu_3bK-.js';
import './tools-DMhzfJfG.js';
import './index-url-DDV0Wi_r.js';
import './version-DsHt9dgB.js';
import './files-dg-71lIr.js';
import './filename-CvnRmlht.js';
import './version-B18YtENW.js';
import './tag-BZk1Qlxj.js';

/** `sdist`: build the source distribution, twine-check it, upload it as an artifact. */
/** The sdist job's artifact: `sdist` unless artifact-name was given for this step. */
function artifactName(options) {
    const settings = options.publish;
    return settings.artifactNameGiven
        ? expandArtifactName(settings.artifactName, {
            os: options.platform,
            arch: options.runner.machine,
            ...(options.group ? { group: options.group } : {})
        })
        : checkArtifactName(SDIST_ARTIFACT_NAME);
}
/** `sdist` with dry-run: what it would make and upload; nothing is built or uploaded. */
function describeSdist(options, context, artifact) {
    const what = options.sdistInput
        ? `check and copy ${options.sdistInput}`
        : `run python -m build --sdist on ${options.packageDir}`;
    context.reporter.result(`dry run: would ${what} into ${options.outputDir}` +
        (artifact ? `, then upload it as the artifact ${artifact}` : '') +
        '; nothing was built or uploaded');
}
async function runSdist(options, context) {
    const settings = options.publish;
    const upload = context.isAction && settings.uploadArtifact;
    if (options.dryRun)
        return describeSdist(options, context, upload ? artifactName(options) : undefined);
    if (upload)
        requireArtifactService(settings, context.env);
    const tools = toolsContext(context, options.cacheDir);
    const sdist = await makeSdist(options, tools);
    if (!context.isAction) {
        context.reporter.result(sdist);
        return;
    }
    if (!settings.uploadArtifact)
        return;
    await uploadJobArtifact({
        ...tools,
        name: artifactName(options),
        files: [sdist],
        rootDirectory: path.dirname(sdist),
        settings
    });
}

export { runSdist };
