import pkg from '../package.json' with { type: 'json' }

/** The tool's version, recorded in every bundle's lineage. */
export const TOOL_VERSION: string = pkg.version
