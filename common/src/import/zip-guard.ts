import { inflateRawSync } from 'node:zlib';
import { ImportFileError, type ImportLimits } from './limits';

/**
 * Refuses an xlsx that would inflate beyond the limits before exceljs (JSZip) touches it. The
 * central directory's declared sizes are summed, and each part is then inflated here with
 * zlib's maxOutputLength set to what it declared: a part that lies about its size (the classic
 * zip bomb) stops at the declared size instead of filling memory. ZIP64 archives (parts over
 * 4 GB) are refused outright: no real county form needs one.
 */
export function checkZip(bytes: Buffer, limits: Pick<ImportLimits, 'maxInflatedBytes' | 'maxRatio' | 'maxEntries'>): void {
  const refuse = (why: string): never => {
    throw new ImportFileError(`the xlsx file is refused: ${why}`, 'ZIP_BOMB');
  };
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new ImportFileError('the file is not a readable xlsx (no zip directory)', 'NOT_A_SPREADSHEET');
  const entries = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) refuse('ZIP64 archives are not accepted');
  if (entries > limits.maxEntries) refuse(`more than ${limits.maxEntries} parts`);
  if (directoryOffset + directorySize > bytes.length) throw new ImportFileError('the file is not a readable xlsx (truncated)', 'NOT_A_SPREADSHEET');
  let total = 0;
  let at = directoryOffset;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new ImportFileError('the file is not a readable xlsx (damaged directory)', 'NOT_A_SPREADSHEET');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const inflated = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || inflated === 0xffffffff || localOffset === 0xffffffff) refuse('ZIP64 archives are not accepted');
    total += inflated;
    if (total > limits.maxInflatedBytes) refuse(`it would inflate to more than ${Math.round(limits.maxInflatedBytes / 1048576)} MB`);
    if (inflated > 1024 * 1024 && inflated > compressed * limits.maxRatio) refuse(`a part compresses more than ${limits.maxRatio}:1`);
    checkPart(bytes, localOffset, method, compressed, inflated, refuse);
    at += 46 + nameLength + extraLength + commentLength;
  }
}

function checkPart(bytes: Buffer, localOffset: number, method: number, compressed: number, inflated: number, refuse: (why: string) => never): void {
  if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== 0x04034b50)
    throw new ImportFileError('the file is not a readable xlsx (damaged part)', 'NOT_A_SPREADSHEET');
  const start = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
  const data = bytes.subarray(start, start + compressed);
  if (method === 0) {
    if (compressed !== inflated) refuse('a stored part declares two sizes');
    return;
  }
  if (method !== 8) throw new ImportFileError('the xlsx uses a compression method Excel does not write', 'NOT_A_SPREADSHEET');
  let size: number;
  try {
    // One byte more than declared: a part that inflates beyond its declared size fails here.
    size = inflateRawSync(data, { maxOutputLength: Math.max(1, inflated + 1) }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) refuse('a part inflates beyond the size it declares');
    throw new ImportFileError('the file is not a readable xlsx (damaged data)', 'NOT_A_SPREADSHEET');
  }
  if (size !== inflated) refuse('a part inflates to another size than it declares');
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 65_557);
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}
