import { s as selectedConfigurations, b as buildMatrix } from './select-YMuR5Uwb.js';
import './credentials-B_00fC_8.js';
import 'node:child_process';
import './_commonjsHelpers-Bgu_3bK-.js';
import './identifiers-BeHlV9fx.js';
import 'node:path';
import 'node:fs';
import './core-CM_3Ha9x.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'child_process';
import 'timers';
import 'stream';
import 'node:crypto';

async function runPlan(options, context) {
    const configurations = selectedConfigurations(options);
    const identifiers = configurations.map(c => c.identifier);
    const matrix = { include: buildMatrix(configurations, options.maxPerJob) };
    const { reporter } = context;
    if (context.isAction) {
        reporter.setOutput('identifiers', JSON.stringify(identifiers));
        reporter.setOutput('matrix', JSON.stringify(matrix));
        reporter.info(`${identifiers.length} identifiers in ${matrix.include.length} groups`);
        for (const entry of matrix.include) {
            reporter.info(`${entry.group} (${entry.os}): ${entry.identifiers.join(' ')}`);
        }
        return;
    }
    if (options.matrix)
        reporter.result(JSON.stringify(matrix));
    else if (identifiers.length > 0)
        reporter.result(identifiers.join('\n'));
}

export { runPlan };
