package org.bondtray.tray;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.bondtray.tray.sni.IconPixmap;

/**
 * Bondtray's own icons (8-bit RGBA, not interlaced, as its theme ships them) turned into
 * StatusNotifierItem's ARGB32 without ImageIO: the tray reads them before its icon registers, and
 * ImageIO's first image cost 64-98 ms on the host (its registry and AWT's native libraries).
 * Anything else gives {@code null}, for ImageIO to read.
 */
final class PngPixels {
    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int RGBA = 6;
    private static final int BYTES_PER_PIXEL = 4;
    /** Larger than any tray icon: a file claiming more is not one of Bondtray's. */
    private static final int MAX_SIDE = 1024;

    private PngPixels() {
    }

    /** The pixels of {@code png}, or null if it is not an 8-bit RGBA image without interlace. */
    static IconPixmap argb(byte[] png) {
        try {
            ByteBuffer in = ByteBuffer.wrap(png);
            if (in.getLong() != SIGNATURE) {
                return null;
            }
            int width = 0;
            int height = 0;
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            while (in.remaining() >= 12) {
                int length = in.getInt();
                int type = in.getInt();
                if (length < 0 || length > in.remaining() - 4) {
                    return null;
                }
                if (type == IHDR) {
                    width = in.getInt(in.position());
                    height = in.getInt(in.position() + 4);
                    int depth = in.get(in.position() + 8);
                    int colour = in.get(in.position() + 9);
                    int interlace = in.get(in.position() + 12);
                    if (depth != 8 || colour != RGBA || interlace != 0 || width <= 0 || height <= 0
                            || width > MAX_SIDE || height > MAX_SIDE) {
                        return null;
                    }
                } else if (type == IDAT) {
                    compressed.write(png, in.position(), length);
                } else if (type == IEND) {
                    break;
                }
                in.position(in.position() + length + 4);
            }
            if (width == 0) {
                return null;
            }
            int stride = width * BYTES_PER_PIXEL;
            byte[] raw = new byte[height * (stride + 1)];
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(compressed.toByteArray());
                int n = 0;
                while (n < raw.length && !inflater.finished()) {
                    int got = inflater.inflate(raw, n, raw.length - n);
                    if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        return null;
                    }
                    n += got;
                }
                if (n != raw.length) {
                    return null;
                }
            } finally {
                inflater.end();
            }
            return new IconPixmap(width, height, toArgb(unfilter(raw, width, height)));
        } catch (DataFormatException | RuntimeException e) {
            return null;
        }
    }

    /** The rows with each one's PNG filter undone, without their filter bytes. */
    private static byte[] unfilter(byte[] raw, int width, int height) throws DataFormatException {
        int stride = width * BYTES_PER_PIXEL;
        byte[] out = new byte[height * stride];
        for (int y = 0; y < height; y++) {
            int filter = raw[y * (stride + 1)];
            int from = y * (stride + 1) + 1;
            int row = y * stride;
            for (int x = 0; x < stride; x++) {
                int a = x >= BYTES_PER_PIXEL ? out[row + x - BYTES_PER_PIXEL] & 0xff : 0;
                int b = y > 0 ? out[row - stride + x] & 0xff : 0;
                int c = x >= BYTES_PER_PIXEL && y > 0 ? out[row - stride + x - BYTES_PER_PIXEL] & 0xff : 0;
                int v = raw[from + x] & 0xff;
                out[row + x] = (byte) switch (filter) {
                    case 0 -> v;
                    case 1 -> v + a;
                    case 2 -> v + b;
                    case 3 -> v + ((a + b) >>> 1);
                    case 4 -> v + paeth(a, b, c);
                    default -> throw new DataFormatException("PNG filter " + filter);
                };
            }
        }
        return out;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /** RGBA rows to ARGB in network byte order, as StatusNotifierItem's IconPixmap wants. */
    private static byte[] toArgb(byte[] rgba) {
        byte[] out = new byte[rgba.length];
        for (int i = 0; i < out.length; i += BYTES_PER_PIXEL) {
            out[i] = rgba[i + 3];
            out[i + 1] = rgba[i];
            out[i + 2] = rgba[i + 1];
            out[i + 3] = rgba[i + 2];
        }
        return out;
    }
}
