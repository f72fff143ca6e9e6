/** The Linux archs, as the `archs` option and the image options name them (data only). */
export const LINUX_ARCHS: readonly string[] = [
  'x86_64',
  'i686',
  'aarch64',
  'ppc64le',
  's390x',
  'armv7l',
  'riscv64'
]
