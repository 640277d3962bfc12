import { createFastParser } from '../utils/schema/fast-parse';

/**
 * The server's compiled checks (utils/schema/fast-parse.ts), with object shapes unrolled into
 * generated code: Node allows it, and it checks a 50-mutation push in 0.04 ms instead of 0.07.
 */
export const { fastParse, passesFastCheck } = createFastParser({ generatedCode: true });
