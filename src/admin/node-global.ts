/**
 * Some of Decap's parsers (@iarna/toml) read Node's `global` when they load. Decap's app bundle happens to define
 * it first; the desk also imports Decap's file formats directly (new-entry-id.ts), which can load them before
 * that. Imported first by desk.ts, so it runs before any of them.
 */
(globalThis as typeof globalThis & { global?: typeof globalThis }).global ??= globalThis;
