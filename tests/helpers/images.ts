import sharp from "sharp";

/** A plain PNG `width` wide and half as high, its red channel `r` (different values, different bytes). */
export const testPng = (width: number, r: number) =>
  sharp({ create: { width, height: Math.round(width / 2), channels: 3, background: { r, g: 90, b: 60 } } })
    .png()
    .toBuffer()
    .then((b) => new Uint8Array(b));
