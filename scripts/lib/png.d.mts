// Types of png.mjs, for the TypeScript tests.
export interface RgbaImage {
  width: number;
  height: number;
  data: Buffer;
}
export interface PaletteImage {
  width: number;
  height: number;
  palette: [number, number, number][];
  indices: Buffer;
}
export declare function crc32(buffer: Uint8Array): number;
export declare function decodePng(bytes: Buffer, name?: string): RgbaImage;
export declare function encodePng(image: RgbaImage): Buffer;
export declare function quantize(image: RgbaImage, colours?: number): PaletteImage;
export declare function encodePalettePng(image: PaletteImage): Buffer;
export declare function crop(image: RgbaImage, box: { x: number; y: number; width: number; height: number }, name?: string): RgbaImage;
export declare function scaleToWidth(image: RgbaImage, width: number): RgbaImage;
export declare function onBackground(image: RgbaImage, colour: [number, number, number], margin?: number): RgbaImage;
