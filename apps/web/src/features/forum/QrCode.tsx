import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** Quiet zone around the code, in modules (the QR specification asks for four). */
const QUIET_ZONE_MODULES = 4;

/**
 * The QR code as one SVG path (dark modules as unit squares): crisp at projector size, no
 * canvas, no data URL, no inline style. The caller gives the text alternative (the URL written
 * out next to it).
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    // Medium error correction: survives a glare or a head in front of the screen.
    const code = qrcode(0, 'M');
    code.addData(text);
    code.make();
    const count = code.getModuleCount();
    let d = '';
    for (let row = 0; row < count; row += 1) {
      for (let col = 0; col < count; col += 1) {
        if (code.isDark(row, col)) {
          d += `M${col + QUIET_ZONE_MODULES} ${row + QUIET_ZONE_MODULES}h1v1h-1z`;
        }
      }
    }
    return { size: count + 2 * QUIET_ZONE_MODULES, path: d };
  }, [text]);
  return (
    <svg
      className="atelier-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
