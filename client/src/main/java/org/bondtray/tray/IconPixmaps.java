package org.bondtray.tray;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.bondtray.tray.sni.IconPixmap;

/**
 * The icons as pixels, for panels that cannot look a name up in IconThemePath: read from the
 * theme's PNG sizes and turned into ARGB32 in network byte order, as StatusNotifierItem wants;
 * Bondtray's own PNGs by {@link PngPixels}, anything else by ImageIO.
 */
final class IconPixmaps {
    static final List<Integer> SIZES = List.of(22, 48);

    private final Path theme;
    private final Map<String, List<IconPixmap>> cache = new ConcurrentHashMap<>();

    IconPixmaps(Path theme) {
        this.theme = theme;
    }

    List<IconPixmap> of(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private List<IconPixmap> load(String name) {
        List<IconPixmap> out = new ArrayList<>();
        for (int size : SIZES) {
            Path png = theme.resolve("hicolor/" + size + "x" + size + "/status/" + name + ".png");
            if (!Files.isReadable(png)) {
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(png);
                IconPixmap own = PngPixels.argb(bytes);
                out.add(own != null ? own : argb(ImageIO.read(new java.io.ByteArrayInputStream(bytes))));
            } catch (IOException e) {
                // A missing size only costs sharpness: the panel scales another.
            }
        }
        return List.copyOf(out);
    }

    static IconPixmap argb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] data = new byte[w * h * 4];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                data[i++] = (byte) (p >>> 24);
                data[i++] = (byte) (p >>> 16);
                data[i++] = (byte) (p >>> 8);
                data[i++] = (byte) p;
            }
        }
        return new IconPixmap(w, h, data);
    }
}
