// What a file really is, from its bytes (magic numbers via file-type), never from its name
// or the type the browser declared: a renamed program stays a program.
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import type { AttachmentMime } from '../../../shared/domain';
import { AppError } from '../errors';

export interface Sniffed {
  mime: AttachmentMime;
  kind: 'image' | 'file';
  ext: string;
  width?: number;
  height?: number;
}

const ACCEPTED: Record<string, { mime: AttachmentMime; kind: 'image' | 'file'; ext: string }> = {
  'image/png': { mime: 'image/png', kind: 'image', ext: 'png' },
  'image/jpeg': { mime: 'image/jpeg', kind: 'image', ext: 'jpg' },
  'image/gif': { mime: 'image/gif', kind: 'image', ext: 'gif' },
  'image/webp': { mime: 'image/webp', kind: 'image', ext: 'webp' },
  'application/pdf': { mime: 'application/pdf', kind: 'file', ext: 'pdf' },
};

/** file-type extensions of programs and installers: named in the refusal so the user knows why. */
const EXECUTABLE = new Set(['exe', 'elf', 'macho', 'class', 'dex', 'wasm', 'msi', 'deb', 'rpm', 'apk', 'dmg', 'cab', 'lnk', 'jar']);

export const NOT_ACCEPTED = 'Attach a PNG, JPEG, GIF or WebP image, or a PDF.';

export async function sniff(bytes: Uint8Array): Promise<Sniffed> {
  const found = await fileTypeFromBuffer(bytes);
  const accepted = found ? ACCEPTED[found.mime] : undefined;
  if (!accepted) {
    const what = looksExecutable(bytes, found?.ext)
      ? 'it looks like an executable'
      : found
        ? `it looks like ${found.ext.toUpperCase()}`
        : 'its type could not be recognised';
    throw new AppError('unsupported_file', `That file is not an image or a PDF (${what}). ${NOT_ACCEPTED}`);
  }
  if (accepted.kind !== 'image') return { ...accepted };
  // The header matched but the image is cut short or damaged: a provider would refuse it too.
  const damaged = () => new AppError('unsupported_file', `That ${accepted.ext.toUpperCase()} image is damaged or incomplete, so it cannot be sent.`);
  let dims: { width: number; height: number };
  try {
    dims = imageSize(bytes);
  } catch {
    throw damaged();
  }
  // image-size reads whatever bytes are there: a cut header yields absurd sizes.
  if (!(dims.width > 0 && dims.width <= MAX_SIDE && dims.height > 0 && dims.height <= MAX_SIDE)) throw damaged();
  return { ...accepted, width: dims.width, height: dims.height };
}

/** Larger than any real screenshot or photo (and than any provider resizes from). */
const MAX_SIDE = 65_535;

function looksExecutable(bytes: Uint8Array, ext: string | undefined): boolean {
  if (ext && EXECUTABLE.has(ext)) return true;
  // Scripts carry no magic number file-type knows, but a shebang is unmistakable.
  return bytes[0] === 0x23 && bytes[1] === 0x21;
}
