import { build } from 'wxt';

/** `tsx bench/wxt-build.ts <outDir>`: wxt build into another directory (the config's outDir is .output). */
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: tsx bench/wxt-build.ts <outDir>');
await build({ outDir });
