/**
 * The preview card's design: the kind of page, the title (up to four lines), an optional
 * subtitle, a line of counts, and the catalogue's name and host, on the site's paper colour.
 */
import type { Card } from '../../lib/previews.ts';
import { Frame, HEIGHT, WIDTH, type Palette } from './raster.ts';
import { shape, wrap, type Weight } from './text.ts';

export const PALETTE: Palette = { background: '#fbfaf7', inks: ['#1b1c20', '#575b63', '#1e4fc2', '#e2ded5'] };
const INK = 0;
const MUTED = 1;
const ACCENT = 2;
const RULE = 3;

const PAD = 72;
const TEXT_WIDTH = WIDTH - 2 * PAD;
/** Inter's ascent and descent, as fractions of the size. */
const ASCENT = 0.96875;
const DESCENT = 0.2421875;

/** Baseline of a line whose box of height `size * lineHeight` starts at `top`. */
const baseline = (top: number, size: number, lineHeight: number): number =>
  top + (size * lineHeight - (ASCENT + DESCENT) * size) / 2 + ASCENT * size;

function line(frame: Frame, text: string, weight: Weight, size: number, x: number, y: number, ink: number): void {
  frame.text(shape(text, weight, size), weight, size, x, y, ink);
}

const templates = new Map<string, Frame>();

/** What every card of a kind shares: background, accent bar, kind label, rule, footer. */
function template(card: Card): Frame {
  const key = JSON.stringify([card.kind, card.site, card.host]);
  let frame = templates.get(key);
  if (!frame) {
    frame = new Frame();
    frame.rect(0, 0, WIDTH, 16, ACCENT);
    line(frame, card.kind.toUpperCase(), 700, 28, PAD, baseline(72, 28, 1.2), ACCENT);
    const footerTop = HEIGHT - 48 - 28 * 1.2;
    frame.rect(PAD, Math.round(footerTop - 26), TEXT_WIDTH, 2, RULE);
    line(frame, card.site, 700, 28, PAD, baseline(footerTop, 28, 1.2), INK);
    const host = shape(card.host, 400, 28);
    frame.text(host, 400, 28, WIDTH - PAD - host.width, baseline(footerTop, 28, 1.2), MUTED);
    templates.set(key, frame);
  }
  return frame;
}

/** Renders a card to PNG bytes. Synchronous and deterministic. */
export function renderCard(card: Card): Buffer {
  const frame = template(card).clone();
  const size = card.title.length > 140 ? 46 : card.title.length > 80 ? 54 : 64;
  const titleLines = wrap(card.title, 700, size, TEXT_WIDTH, card.subtitle ? 3 : 4);
  let top = 72 + 28 * 1.2 + 24;
  for (const text of titleLines) {
    line(frame, text, 700, size, PAD, baseline(top, size, 1.18), INK);
    top += size * 1.18;
  }
  if (card.subtitle) {
    top += 24;
    for (const text of wrap(card.subtitle, 400, 36, TEXT_WIDTH, 2)) {
      line(frame, text, 400, 36, PAD, baseline(top, 36, 1.3), MUTED);
      top += 36 * 1.3;
    }
  }
  const detailTop = HEIGHT - 48 - 28 * 1.2 - 26 - 28 - 30 * 1.2;
  for (const text of wrap(card.detail, 400, 30, TEXT_WIDTH, 1)) line(frame, text, 400, 30, PAD, baseline(detailTop, 30, 1.2), MUTED);
  return frame.png(PALETTE);
}
