/**
 * Reading a Markdown postmortem back for tests: its prose as sentences (code
 * blocks, tables and the image definition left out) and a table's rows as cells.
 */

/** Every prose sentence of the document, with Markdown escapes and emphasis removed. */
export function proseSentences(md: string): string[] {
  const prose = md
    .replace(/```[\s\S]*?```/g, '')
    .split('\n')
    .filter(
      (l) =>
        l.trim() !== '' && !l.startsWith('|') && !l.startsWith('#') && !/^\[[\w-]+\]: /.test(l),
    )
    .map((l) =>
      l
        .replace(/^[-*>]\s+/, '')
        .replace(/\\(.)/g, '$1')
        .replace(/\*\*/g, ''),
    );
  return prose
    .flatMap((l) => l.split(/(?<=[.!?])\s+(?=[A-Z`])/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12);
}

/** The rows of the first table whose header starts with `firstHeader`, as cell texts. */
export function tableRows(md: string, firstHeader: string): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${firstHeader} |`));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(splitRow(line));
  }
  return rows;
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === '\\' && i + 1 < line.length) {
      cell += ch + (line[i + 1] as string);
      i++;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  return cells;
}
