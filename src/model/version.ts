/** The wheelwright version; part of every cache key. Keep equal to package.json. */
export const VERSION = '0.1.0'
