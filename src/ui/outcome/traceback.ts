/**
 * A crash as Python prints it: the traceback through the model listings (outermost
 * call first, each frame's file, line, function and source line), then `Type: message`.
 * A thread other than the main thread dies through `threading.excepthook`, which
 * first names the thread.
 */
import type { Crash, Listing } from '../../engine/index.ts';

export function formatTraceback(
  crash: Pick<Crash, 'type' | 'message' | 'actor' | 'traceback'>,
  listings: Readonly<Record<string, Listing>>,
): string {
  const lines: string[] = [];
  if (crash.actor !== 'main') lines.push(`Exception in thread ${crash.actor}:`);
  lines.push('Traceback (most recent call last):');
  for (const frame of crash.traceback) {
    const file = listings[frame.listing]?.title ?? frame.listing;
    lines.push(`  File "${file}", line ${frame.line}, in ${frame.fn}`);
    if (frame.text !== '') lines.push(`    ${frame.text}`);
  }
  lines.push(crash.message === '' ? crash.type : `${crash.type}: ${crash.message}`);
  return lines.join('\n');
}
