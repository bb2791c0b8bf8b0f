/**
 * The toolbar's two buttons that other parts of the lab provide: "Show me the crash"
 * (src/ui/crash) and the Export menu (src/ui/export).
 */
import { ShowCrashButton } from '../crash/ShowCrashButton.tsx';
import { ExportMenu } from '../export/ExportMenu.tsx';

export function CrashSlot() {
  return <ShowCrashButton />;
}

export function ExportSlot() {
  return <ExportMenu />;
}
