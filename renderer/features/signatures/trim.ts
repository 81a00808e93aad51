/** The parts of ImageData this module reads, so tests can build it without a canvas. */
export interface PixelsLike {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array | number[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The bounding box of the ink: pixels whose alpha exceeds the threshold. Null for an empty pad.
 * The pad's background is transparent, so alpha alone tells ink from paper.
 */
export function inkBounds(pixels: PixelsLike, alphaThreshold = 16): Rect | null {
  const { width, height, data } = pixels;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y += 1) {
    const row = y * width * 4;
    for (let x = 0; x < width; x += 1) {
      if ((data[row + x * 4 + 3] ?? 0) > alphaThreshold) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

export interface CropPlan {
  /** The source rectangle: the ink plus margin, inside the canvas. */
  source: Rect;
  /** The output size: the source scaled down (never up) to fit the maximum. */
  width: number;
  height: number;
}

export const SIGNATURE_MAX = { width: 600, height: 240 } as const;

/** Where to crop and how large to make the stored signature. */
export function cropPlan(
  ink: Rect,
  canvas: { width: number; height: number },
  margin: number,
  max: { width: number; height: number } = SIGNATURE_MAX,
): CropPlan {
  const x = Math.max(0, ink.x - margin);
  const y = Math.max(0, ink.y - margin);
  const right = Math.min(canvas.width, ink.x + ink.width + margin);
  const bottom = Math.min(canvas.height, ink.y + ink.height + margin);
  const source = { x, y, width: right - x, height: bottom - y };
  const scale = Math.min(1, max.width / source.width, max.height / source.height);
  return {
    source,
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  };
}
