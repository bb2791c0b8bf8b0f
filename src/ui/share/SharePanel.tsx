/**
 * Share and export: a link that restores this exact scenario, variant, parameters,
 * schedule and step (with a copy button), the trace as JSON and back, the timeline as
 * SVG or PNG. The postmortem is in the toolbar's Export menu. The state and actions
 * are useShare's; each part of the panel is its own small component.
 */
import { ShareExports } from './ShareExports.tsx';
import { ShareLinkField } from './ShareLinkField.tsx';
import { ShareMessageLines } from './ShareMessageLines.tsx';
import { TraceImport } from './TraceImport.tsx';
import { useShare } from './useShare.ts';

export function SharePanel() {
  const share = useShare();
  if (!share) return null;
  return (
    <div className="share">
      <ShareLinkField href={share.href} onCopy={share.copy} />
      <ShareExports onTrace={share.exportTrace} onImage={share.exportImage} />
      <TraceImport onFile={share.importFile} />
      <ShareMessageLines message={share.message} />
    </div>
  );
}
