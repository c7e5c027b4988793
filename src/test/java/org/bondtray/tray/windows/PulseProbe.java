package org.bondtray.tray.windows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * Run by {@link PulseWhileShownTest} in a JVM of its own, on a real X display with JavaFX's GTK
 * toolkit, as the tray's launcher runs it: starts the toolkit as the tray's windows do, then
 * prints how often the JavaFX thread woke in {@value #SPAN_MS} ms with a window shown, after it
 * was hidden, and shown again.
 */
public final class PulseProbe {
    static final long SPAN_MS = 2000;

    private PulseProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (!new FxWindows(null, null).startToolkit()) {
            throw new IllegalStateException("JavaFX did not start");
        }
        String task = onFx(() -> Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        Path status = Path.of("/proc/self/task", task, "status");
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Label("pulse"), 200, 80));
            s.show();
            return s;
        });
        Thread.sleep(500);
        long shown = wakeups(status);
        onFx(() -> {
            stage.hide();
            return null;
        });
        Thread.sleep(500);
        long hidden = wakeups(status);
        onFx(() -> {
            stage.show();
            return null;
        });
        Thread.sleep(500);
        long again = wakeups(status);
        System.out.println("shown=" + shown + " hidden=" + hidden + " again=" + again);
        Platform.exit();
    }

    /** The thread's context switches in the next {@link #SPAN_MS} ms. */
    private static long wakeups(Path status) throws Exception {
        long before = switches(status);
        Thread.sleep(SPAN_MS);
        return switches(status) - before;
    }

    private static long switches(Path status) throws Exception {
        return Files.readAllLines(status).stream().filter(l -> l.contains("ctxt_switches"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).sum();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }
}
