import { encodePng, rowBytes } from '../documents/png';
import { seededRandom as seeded } from '../random';

/**
 * A handwriting-like signature: a few joined strokes of 2-px ink on a transparent 1-bit PNG,
 * a few hundred bytes, like what the signature pad saves, only smaller.
 */
export function drawnSignaturePng(seed: number, width = 240, height = 80): Uint8Array {
  const random = seeded(seed * 7919 + 17);
  const stride = rowBytes({ width, colorType: 0, bitDepth: 1 });
  const data = new Uint8Array(stride * height).fill(0xff);
  const ink = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        data[py * stride + (px >> 3)] = (data[py * stride + (px >> 3)] as number) & ~(0x80 >> (px & 7));
      }
  };
  // Two or three words of coiled cursive, then an underline swoosh.
  const words = 2 + Math.floor(random() * 2);
  for (let w = 0; w < words; w++) {
    const x0 = 10 + w * ((width - 20) / words);
    const span = (width - 20) / words - 10;
    const loops = 2 + Math.floor(random() * 3);
    const r = 7 + random() * 6;
    const tilt = (random() - 0.5) * 16;
    const phase = random() * Math.PI;
    for (let t = 0; t <= 1; t += 0.002) {
      const a = phase + t * loops * Math.PI * 2;
      ink(x0 + span * t + 0.8 * r * Math.cos(a), height * 0.45 + r * Math.sin(a) + tilt * (t - 0.5));
    }
  }
  for (let t = 0; t <= 1; t += 0.003) ink(14 + (width - 40) * t, height * 0.78 - 6 * Math.sin(t * Math.PI));
  return encodePng({ width, height, colorType: 0, bitDepth: 1, data, transparentGrey: 1 });
}
