// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into ES
// modules that run on Node 20 and 24 without node_modules. Commands are
// imported lazily, so shared code lands in dist/chunks/ and `plan` does not
// load the artifact, cache and build machinery it never uses.
// `tsc -p tsconfig.build.json` compiles src/ to build-ts/ first (see the
// bundle script); rollup then only resolves and joins plain JavaScript.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'

export default {
  input: { index: 'build-ts/src/index.js', cli: 'build-ts/src/cli.js' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    banner: chunk => (chunk.name === 'cli' && chunk.isEntry ? '#!/usr/bin/env node' : '')
  },
  plugins: [
    nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import', 'default'] }),
    commonjs(),
    json({ preferConst: true })
  ],
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
    warn(warning)
  }
}
