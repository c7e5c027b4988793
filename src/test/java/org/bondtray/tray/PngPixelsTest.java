package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.bondtray.tray.sni.IconPixmap;
import org.junit.jupiter.api.Test;

/** Bondtray's icons read without ImageIO give exactly ImageIO's pixels; anything else is left to it. */
class PngPixelsTest {
    @Test
    void everyIconOfTheThemeReadsAsImageIoReadsIt() throws Exception {
        List<Path> pngs;
        try (Stream<Path> all = Files.walk(Path.of("icons"))) {
            pngs = all.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertTrue(pngs.size() >= 40, "the theme's icons: " + pngs.size());
        for (Path png : pngs) {
            IconPixmap own = PngPixels.argb(Files.readAllBytes(png));
            IconPixmap imageIo = IconPixmaps.argb(ImageIO.read(png.toFile()));
            assertEquals(imageIo.width, own.width, png.toString());
            assertEquals(imageIo.height, own.height, png.toString());
            assertArrayEquals(imageIo.argb, own.argb, png.toString());
        }
    }

    @Test
    void otherKindsAndBrokenFilesAreLeftToImageIo() throws Exception {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(grey, "png", out);
        assertNull(PngPixels.argb(out.toByteArray()), "not RGBA");

        byte[] icon = Files.readAllBytes(Path.of("icons/hicolor/22x22/status/bondtray-degraded.png"));
        assertNull(PngPixels.argb(Arrays.copyOf(icon, icon.length / 2)), "cut short");
        assertNull(PngPixels.argb("not a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        // A header that claims a huge picture is refused before any memory is taken for it.
        byte[] huge = icon.clone();
        huge[16] = 0x7f;
        assertNull(PngPixels.argb(huge), "an IHDR of 2 billion pixels wide");
    }
}
