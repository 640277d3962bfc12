/** Defaults shared by the CLI's usage text and the code that applies them; kept free of imports so the CLI starts fast. */
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DB = './data/scoutbook.sqlite';
