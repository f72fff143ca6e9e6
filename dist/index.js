import { a as runAction } from './chunks/main-Dqsgp1Ka.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import './chunks/selector-DCRlYccv.js';
import './chunks/runner-Vbc7fZBQ.js';
import 'node:child_process';
import './chunks/_commonjsHelpers-Bgu_3bK-.js';
import './chunks/version-DsHt9dgB.js';
import './chunks/version-CuRQL25Y.js';
import './chunks/identifiers-DrkXqqgc.js';

await runAction();
