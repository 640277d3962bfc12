import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sniffLineBreak } from '@/utils/import/sniff';

const TEXTS = [
  'a,b\nc,d\n',
  'a,b\r\nc,d\r\n',
  'a,b\rc,d\r',
  'a,b\r\nc,d\ne,f\r\n',
  '"x\r\ny",b\nc,d\n',
  '"x\ny",b\r\nc,d\r\n',
  '"x\ry",b\nc,d\n',
  'no line break at all',
  'Notes:\r\n"When exporting, ""quoted""\r\n"\r\n\r\nFirst Name,Last Name\r\nAda,Lovelace\r\n',
  'a\rb\nc\rd\n',
];

describe('sniffLineBreak', () => {
  it('agrees with the line break Papa guesses for the same text', () => {
    for (const text of TEXTS) expect(sniffLineBreak(text), JSON.stringify(text)).toBe(Papa.parse(text).meta.linebreak);
  });
});
