/**
 * Colours for people's cursors and avatars. Each is dark enough for white text (the cursor
 * label, the avatar initials) at WCAG AA, 4.5:1 or more, and they differ in hue so that two
 * writers side by side are told apart.
 */
export const presenceColors = [
  '#000091', // DSFR blue France
  '#18753c', // DSFR green success
  '#b34000', // DSFR orange
  '#6e445a', // DSFR purple glycine
  '#006a6f', // DSFR blue ecume dark
  '#ce0500', // DSFR red error
  '#7d4e5b', // DSFR pink
  '#3a55d1', // indigo
  '#5f5c00', // olive
  '#8a3c9b', // violet
] as const;

/** FNV-1a: stable across sessions and browsers, so a person keeps their colour. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

export function presenceColorFor(key: string): string {
  return presenceColors[hash(key) % presenceColors.length] ?? presenceColors[0];
}

/**
 * The colours of the people present, keyed by their id: each keeps its own colour unless
 * someone listed earlier already has it, then takes the next free one (as long as any is free).
 */
export function assignPresenceColors(keys: readonly string[]): Map<string, string> {
  const assigned = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of keys) {
    if (assigned.has(key)) continue;
    const start = hash(key) % presenceColors.length;
    let color: string = presenceColors[start] ?? presenceColors[0];
    for (let step = 0; step < presenceColors.length; step++) {
      const candidate = presenceColors[(start + step) % presenceColors.length] ?? presenceColors[0];
      if (!taken.has(candidate)) {
        color = candidate;
        break;
      }
    }
    assigned.set(key, color);
    taken.add(color);
  }
  return assigned;
}

function channel(value: number): number {
  const scaled = value / 255;
  return scaled <= 0.03928 ? scaled / 12.92 : ((scaled + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const red = parseInt(hex.slice(1, 3), 16);
  const green = parseInt(hex.slice(3, 5), 16);
  const blue = parseInt(hex.slice(5, 7), 16);
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}

/** WCAG 2.1 contrast ratio between two `#rrggbb` colours. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** Initials for an avatar: "Élise Moreau" → "ÉM". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase('fr');
}
