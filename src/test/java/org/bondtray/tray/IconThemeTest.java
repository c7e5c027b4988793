package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every icon the tray can show is in the theme: drawing, symbolic twin, and each PNG size. */
class IconThemeTest {
    private static final Path THEME = Path.of("icons/hicolor");

    @Test
    void everyIconHasEveryFile() {
        List<Executable> checks = new ArrayList<>();
        for (String name : TrayIconName.ALL) {
            checks.add(() -> assertTrue(Files.isReadable(THEME.resolve("scalable/status/" + name + ".svg")), name));
            checks.add(() -> assertTrue(Files.isReadable(THEME.resolve("scalable/status/" + name + "-symbolic.svg")),
                    name + "-symbolic"));
            for (int size : List.of(16, 22, 24, 32, 48)) {
                checks.add(() -> {
                    var image = ImageIO.read(THEME.resolve(size + "x" + size + "/status/" + name + ".png").toFile());
                    assertEquals(size, image.getWidth(), name + " at " + size);
                    assertEquals(size, image.getHeight(), name + " at " + size);
                });
            }
        }
        assertAll(checks);
    }

    @Test
    void pixmapsAreArgbInNetworkOrder() {
        var pixmaps = new IconPixmaps(Path.of("icons")).of(TrayIconName.WIRED);
        assertEquals(IconPixmaps.SIZES.size(), pixmaps.size());
        var p = pixmaps.get(0);
        assertEquals(p.width * p.height * 4, p.argb.length);
        // The tile's middle is the glyph's white, fully opaque: A, R, G, B all 0xff.
        int mid = (p.height / 2 * p.width + p.width / 2 - 2) * 4;
        assertEquals((byte) 0xff, p.argb[mid], "alpha comes first");
    }

    /**
     * Every folder the package installs icons into is one the hicolor theme's index lists: an
     * icon anywhere else is never found by name (the symbolic ones once were, in symbolic/status).
     */
    @Test
    void everyIconFolderIsInTheHicolorIndex() throws Exception {
        Path index = Path.of("/usr/share/icons/hicolor/index.theme");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(index),
                "needs the hicolor index (Debian package hicolor-icon-theme)");
        String directories = Files.readAllLines(index).stream().filter(l -> l.startsWith("Directories="))
                .findFirst().orElseThrow();
        List<String> listed = List.of(directories.substring("Directories=".length()).split(","));
        try (var all = Files.walk(THEME)) {
            for (Path icon : all.filter(Files::isRegularFile).toList()) {
                String folder = THEME.relativize(icon.getParent()).toString();
                assertTrue(listed.contains(folder), folder + " (of " + icon.getFileName() + ") is not in the hicolor index");
            }
        }
    }
}
