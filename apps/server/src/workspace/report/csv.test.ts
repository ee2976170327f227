import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, UTF8_BOM } from './csv';

describe('CSV (RFC 4180, safe to open in a spreadsheet)', () => {
  it('leaves plain text alone and quotes what holds a quote, a comma or a line break', () => {
    expect(csvCell('Ouvrir les données')).toBe('Ouvrir les données');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('il a dit "oui"')).toBe('"il a dit ""oui"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
  });

  it('defuses cells a spreadsheet would read as a formula with a leading apostrophe', () => {
    expect(csvCell('=cmd()')).toBe("'=cmd()");
    expect(csvCell('+33 1 00')).toBe("'+33 1 00");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a = b')).toBe('a = b');
  });

  it('writes a BOM, then records ending with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', ''],
      ]),
    ).toBe(`${UTF8_BOM}a,b\r\n1,\r\n`);
  });
});
