#!/usr/bin/env node
// Draws the app icon (a white bench — 红板凳 — on a red rounded square) and writes it as a
// 512×512 PNG with Node alone, so the icon can be rebuilt on an offline machine.
// Usage: node resources/make-icon.mjs [size] [outFile]
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const RED = [198, 40, 40];
const WHITE = [255, 255, 255];
const SAMPLES = 4;

function roundedRectContains(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** A leg leaning outwards: a quadrilateral from (topX) at the seat to (bottomX) at the floor. */
function legContains(x, y, topX, bottomX, top, bottom, width) {
  if (y < top || y > bottom) return false;
  const t = (y - top) / (bottom - top);
  const centre = topX + (bottomX - topX) * t;
  return Math.abs(x - centre) <= width / 2;
}

// Shapes in a 0..1 unit square.
function benchContains(x, y) {
  const seat = roundedRectContains(x, y, 0.16, 0.34, 0.84, 0.45, 0.035);
  const apron = roundedRectContains(x, y, 0.24, 0.45, 0.76, 0.5, 0.015);
  const legs = legContains(x, y, 0.3, 0.24, 0.45, 0.76, 0.075) || legContains(x, y, 0.7, 0.76, 0.45, 0.76, 0.075);
  const stretcher = roundedRectContains(x, y, 0.27, 0.6, 0.73, 0.645, 0.015);
  return seat || apron || legs || stretcher;
}

function pixel(px, py, size) {
  let background = 0;
  let bench = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) / size;
      const y = (py + (sy + 0.5) / SAMPLES) / size;
      if (!roundedRectContains(x, y, 0.03, 0.03, 0.97, 0.97, 0.2)) continue;
      background++;
      if (benchContains(x, y)) bench++;
    }
  }
  const total = SAMPLES * SAMPLES;
  const alpha = background / total;
  const whiteShare = background === 0 ? 0 : bench / background;
  const rgb = RED.map((c, i) => Math.round(c + (WHITE[i] - c) * whiteShare));
  return [...rgb, Math.round(alpha * 255)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function renderIconPng(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = Number(process.argv[2] ?? 512);
  if (!Number.isInteger(size) || size < 16 || size > 4096) {
    process.stderr.write('usage: node resources/make-icon.mjs [size 16..4096] [outFile]\n');
    process.exit(1);
  }
  const outFile = process.argv[3] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
  writeFileSync(outFile, renderIconPng(size));
  process.stdout.write(`wrote ${outFile} (${size}×${size})\n`);
}
