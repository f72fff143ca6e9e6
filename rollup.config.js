// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into
// self-contained ES modules that run on Node 20 and 24 without node_modules.
// `tsc -p tsconfig.build.json` compiles src/ to build-ts/ first (see the
// bundle script); rollup then only resolves and joins plain JavaScript.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'

const entry = (name, banner) => ({
  input: `build-ts/src/${name}.js`,
  output: {
    file: `dist/${name}.js`,
    format: 'es',
    banner,
    inlineDynamicImports: true
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
})

export default [entry('index'), entry('cli', '#!/usr/bin/env node')]
