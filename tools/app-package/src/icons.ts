import type { RgbaImage } from './png.js';

/** A shape in a unit square: (0,0) top left, (1,1) bottom right. */
type Shape = (x: number, y: number) => boolean;
type Colour = readonly [number, number, number];

/** Custodia's accent, also the manifest's `accentColor`. */
export const accentColour: Colour = [0x0f, 0x6c, 0xbd];
const white: Colour = [255, 255, 255];

interface ShieldGeometry {
  halfWidth: number;
  top: number;
  shoulder: number;
  tip: number;
}

/** A heater shield: straight sides to the shoulder, then curving to a point; the top edge dips a little. */
function shield({ halfWidth, top, shoulder, tip }: ShieldGeometry): Shape {
  return (x, y) => {
    const u = (x - 0.5) / halfWidth;
    if (Math.abs(u) > 1 || y < top + 0.035 * (1 - u * u)) return false;
    if (y <= shoulder) return true;
    const t = (y - shoulder) / (tip - shoulder);
    return t <= 1 && Math.abs(u) <= 1 - t * t;
  };
}

function inset(geometry: ShieldGeometry, by: number): ShieldGeometry {
  return {
    halfWidth: geometry.halfWidth - by,
    top: geometry.top + by,
    shoulder: geometry.shoulder,
    tip: geometry.tip - by * 1.8,
  };
}

/** A cloud centred on (cx, cy) of the given width: three puffs on a rounded base. */
function cloud(cx: number, cy: number, width: number): Shape {
  const s = width / 0.3;
  const circle = (ox: number, oy: number, r: number): Shape => {
    return (x, y) => (x - (cx + ox * s)) ** 2 + (y - (cy + oy * s)) ** 2 <= (r * s) ** 2;
  };
  const puffs = [circle(-0.085, 0.0, 0.062), circle(0.0, -0.04, 0.085), circle(0.085, 0.01, 0.055)];
  const baseTop = cy + 0.0 * s;
  const baseBottom = cy + 0.062 * s;
  const base: Shape = (x, y) => {
    const r = (baseBottom - baseTop) / 2;
    const left = cx - 0.085 * s;
    const right = cx + 0.085 * s;
    const my = (baseTop + baseBottom) / 2;
    const nx = Math.min(Math.max(x, left), right);
    return (x - nx) ** 2 + (y - my) ** 2 <= r * r;
  };
  return (x, y) => base(x, y) || puffs.some((puff) => puff(x, y));
}

function roundedSquare(radius: number): Shape {
  return (x, y) => {
    const dx = Math.max(radius - x, 0, x - (1 - radius));
    const dy = Math.max(radius - y, 0, y - (1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

const both =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && b(x, y);
const without =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** Paints shapes in order over a transparent canvas, anti-aliased by 4×4 supersampling. */
function paint(size: number, layers: ReadonlyArray<readonly [Shape, Colour]>): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [shape, colour] of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            if (shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
          }
        }
        const coverage = hits / (samples * samples);
        if (coverage === 0) continue;
        const outAlpha = coverage + a * (1 - coverage);
        r = (colour[0] * coverage + r * a * (1 - coverage)) / outAlpha;
        g = (colour[1] * coverage + g * a * (1 - coverage)) / outAlpha;
        b = (colour[2] * coverage + b * a * (1 - coverage)) / outAlpha;
        a = outAlpha;
      }
      pixels.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

const framedShield: ShieldGeometry = { halfWidth: 0.27, top: 0.17, shoulder: 0.5, tip: 0.86 };
const fullShield: ShieldGeometry = { halfWidth: 0.4, top: 0.05, shoulder: 0.46, tip: 0.97 };

/** The colour icon (192×192): a white shield holding an accent cloud on an accent rounded square. */
export function drawColourIcon(size = 192): RgbaImage {
  const mark = shield(framedShield);
  return paint(size, [
    [roundedSquare(0.2), accentColour],
    [mark, white],
    [both(mark, cloud(0.5, 0.47, 0.34)), accentColour],
  ]);
}

/** The outline icon (32×32): white only on transparent, as Teams requires: a shield's outline around a cloud. */
export function drawOutlineIcon(size = 32): RgbaImage {
  const outer = shield(fullShield);
  return paint(size, [
    [without(outer, shield(inset(fullShield, 2.2 / size))), white],
    [cloud(0.5, 0.45, 0.46), white],
  ]);
}

/** The Outlook ribbon button (16, 32 or 80 px): an accent shield with a white cloud on transparent. */
export function drawRibbonIcon(size: number): RgbaImage {
  const mark = shield(fullShield);
  return paint(size, [
    [mark, accentColour],
    [both(mark, cloud(0.5, 0.45, 0.46)), white],
  ]);
}
