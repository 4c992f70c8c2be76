import {
  createTheme,
  DEFAULT_THEME,
  Menu,
  Notification,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

// Orange is the "due soon" warning colour. Mantine's darkest orange (#d9480f) is 4.3:1 on white
// and under white text, just short of 4.5:1; this shade is 5.7:1 either way.
const orange = [
  ...DEFAULT_THEME.colors.orange.slice(0, 9),
  '#b83c0c',
] as unknown as MantineColorsTuple;

const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * The theme depends on the UI language only for labels Mantine renders itself (a notification's
 * close button has no text, so it needs an accessible name in the reader's language).
 */
export function createAppTheme(labels: { close: string }) {
  return createTheme({
    primaryColor: 'blue',
    // Shade 8 keeps white button text above the 4.5:1 contrast ratio (shade 6 is only 3.6:1).
    primaryShade: { light: 8, dark: 8 },
    fontFamily,
    defaultRadius: 'md',
    cursorType: 'pointer',
    colors: { orange },
    components: {
      // Mantine puts an empty role="presentation" focus target inside role="menu", which a menu
      // may not contain (axe: aria-required-children). Without it, opening focuses the first item.
      Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': labels.close } },
      }),
    },
  });
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Shade 9 darkened just enough to read at 4.5:1 (with a margin) on the given background. */
function readableOn(background: string, text: string): string {
  let rgb = hexToRgb(text);
  while (contrast(toHex(rgb), background) < 4.6) {
    rgb = rgb.map((c) => c * 0.95) as [number, number, number];
  }
  return toHex(rgb);
}

const HEX = /^#[0-9a-f]{6}$/i;

export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  // Mantine's "light" variant (Alert, Badge, Button, active NavLink) puts shade-9 text on shade 1,
  // and on shade 2 while hovered: 4.3:1 for a teal alert, 4.0:1 for a hovered blue nav link.
  // Darken that text per colour until it passes on the hover background (the darker of the two).
  const lightColors = Object.fromEntries(
    Object.entries(theme.colors)
      .filter(([, shades]) => HEX.test(shades[2]) && HEX.test(shades[9]))
      .map(([name, shades]) => [
        `--mantine-color-${name}-light-color`,
        readableOn(shades[2], shades[9]),
      ]),
  );
  return {
    variables: {},
    light: {
      // The default "dimmed" grey (gray.6) is 3.3:1 on white, below WCAG AA for body text.
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      // The default placeholder grey (gray.5) is 2.1:1; Mantine renders some placeholders as text
      // (FileInput, Select), where they must be readable. #6c757d is 4.7:1 on white.
      '--mantine-color-placeholder': '#6c757d',
      // A field's error text is red.6 by default, 3.3:1 on white; red.9 reads at 5.5:1.
      '--mantine-color-error': 'var(--mantine-color-red-9)',
      ...lightColors,
    },
    dark: {},
  };
};
