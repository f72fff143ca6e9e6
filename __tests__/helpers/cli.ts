/** Runs the CLI in-process and captures what it prints. */
import { runCli } from '../../src/main.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function cli(
  argv: string[],
  env: Record<string, string> = {},
  cwd = process.cwd()
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    cwd,
    stdout: t => void (stdout += t),
    stderr: t => void (stderr += t)
  })
  return { code, stdout, stderr }
}
