package org.bondtray.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.bondtray.tray.windows.FxWindows;

/** A window's contents as JavaFX renders them, saved as PNG: the screenshots of the windows. */
public final class FxShots {
    private FxShots() {
    }

    public static BufferedImage save(Stage stage, Path png) throws IOException, InterruptedException {
        WritableImage image = FxWindows.onFx(() -> stage.getScene().snapshot(null));
        if (image == null) {
            throw new IOException("no snapshot of " + stage.getTitle());
        }
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(png.getParent());
        ImageIO.write(out, "png", png.toFile());
        return out;
    }
}
