/**
 * Foreign-arch containers run under QEMU through a binfmt_misc handler. Before
 * any container starts, each emulated arch must have one registered and
 * enabled; otherwise the first step would fail with "exec format error".
 */
import fs from 'node:fs'
import path from 'node:path'
import { UserError } from '../util/errors.js'

/** The handler names qemu-user-static, binfmt-support and tonistiigi/binfmt register. */
const HANDLERS: Readonly<Record<string, readonly string[]>> = {
  aarch64: ['qemu-aarch64'],
  armv7l: ['qemu-arm'],
  ppc64le: ['qemu-ppc64le'],
  s390x: ['qemu-s390x'],
  riscv64: ['qemu-riscv64'],
  i686: ['qemu-i386'],
  x86_64: ['qemu-x86_64']
}

export const BINFMT_DIR = '/proc/sys/fs/binfmt_misc'

/** Whether a handler for `arch` is registered and enabled in `dir`. */
export function emulationReady(arch: string, dir: string = BINFMT_DIR): boolean {
  return (HANDLERS[arch] ?? [`qemu-${arch}`]).some(name => {
    const file = path.join(dir, name)
    if (!fs.existsSync(file)) return false
    return fs.readFileSync(file, 'utf8').split('\n')[0].trim() === 'enabled'
  })
}

/** Refuses the run when an emulated arch has no handler, before anything starts. */
export function checkEmulation(archs: readonly string[], dir: string = BINFMT_DIR): void {
  const missing = archs.filter(arch => !emulationReady(arch, dir))
  if (missing.length === 0) return
  throw new UserError(`this machine cannot run ${missing.join(', ')} containers`, {
    key: 'archs',
    value: missing.join(' '),
    hint:
      `no enabled QEMU handler in ${dir}. On GitHub Actions add docker/setup-qemu-action before this step; ` +
      'locally install qemu-user-static and register it with binfmt_misc with the F flag (so it works inside containers)'
  })
}
