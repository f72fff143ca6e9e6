// Rebuilds dist/ and fails when it differs from what is committed, so the
// action never runs a bundle that does not match its sources.
import { execFileSync } from 'node:child_process'

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' })
run('npm', ['run', '-s', 'bundle'])
const status = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' })
if (status.trim() !== '') {
  process.stderr.write(`dist/ is stale; run \`npm run bundle\` and commit:\n${status}`)
  execFileSync('git', ['--no-pager', 'diff', '--stat', '--', 'dist'], { stdio: 'inherit' })
  process.exit(1)
}
process.stdout.write('dist/ is up to date\n')
