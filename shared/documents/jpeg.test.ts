import { describe, expect, it } from 'vitest';
import { jpegFromDataUrl, jpegSize } from './jpeg';

const ONE_PIXEL =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

describe('JPEG size', () => {
  it('reads the frame size of a progressive JPEG', () => {
    expect(jpegFromDataUrl(`data:image/jpeg;base64,${ONE_PIXEL}`)).toMatchObject({ width: 1, height: 1 });
  });
  it('refuses what is not a JPEG data URL', () => {
    expect(jpegFromDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBeNull();
    expect(jpegFromDataUrl('data:image/jpeg;base64,AAAA')).toBeNull();
    expect(jpegFromDataUrl(undefined)).toBeNull();
    expect(jpegSize(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
  });
});
