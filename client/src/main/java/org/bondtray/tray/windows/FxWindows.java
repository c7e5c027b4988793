package org.bondtray.tray.windows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.bondtray.net.NetSysfs;
import org.bondtray.api.BondSnapshot;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayMenuModel;
import org.bondtray.tray.TrayWindows;
import org.bondtray.tray.picker.WifiPicker;
import org.bondtray.tray.settings.SettingsWindow;
import org.bondtray.tray.status.StatusWindow;
import org.bondtray.wifi.WpaClient;

/**
 * The tray's windows in JavaFX. The toolkit starts with the first window, not with the tray: an
 * icon that is never clicked costs no toolkit. Each window is made once and shown again, so it
 * keeps its place and its contents.
 */
public final class FxWindows implements TrayWindows {
    private static final Logger LOG = Logger.getLogger(FxWindows.class.getName());

    private final TrayApp app;
    private final NetSysfs sysfs;
    private WifiPicker picker;
    private StatusWindow status;
    private SettingsWindow settings;
    private org.bondtray.tray.nopanel.NoPanelWindow noPanel;
    private boolean started;

    public FxWindows(TrayApp app, NetSysfs sysfs) {
        this.app = app;
        this.sysfs = sysfs;
    }

    @Override
    public void open(TrayMenuModel.Action which) {
        if (!startToolkit()) {
            return;
        }
        Platform.runLater(() -> {
            switch (which) {
                case OPEN_WIFI -> {
                    if (picker == null) {
                        BondSnapshot.Port wifi = app.snapshot().ports().stream().filter(BondSnapshot.Port::wireless)
                                .findFirst().orElse(null);
                        picker = new WifiPicker(new WpaClient(app.system()), app.texts(), wifi == null ? null : wifi.name(),
                                () -> app.snapshot().keepingNetworks());
                    }
                    picker.open();
                }
                case OPEN_STATUS -> {
                    if (status == null) {
                        status = new StatusWindow(app);
                    }
                    status.open();
                }
                case OPEN_SETTINGS -> {
                    if (settings == null) {
                        settings = new SettingsWindow(app, sysfs);
                    }
                    settings.open();
                }
                default -> {
                }
            }
        });
    }

    @Override
    public void noPanel(boolean missing) {
        if (!missing && noPanel == null) {
            return;
        }
        if (!startToolkit()) {
            return;
        }
        Platform.runLater(() -> {
            if (missing) {
                if (noPanel == null) {
                    noPanel = new org.bondtray.tray.nopanel.NoPanelWindow(app);
                }
                noPanel.open();
            } else if (noPanel != null) {
                noPanel.hide();
            }
        });
    }

    /** The window standing in for a missing panel, if it was made; for callers on the JavaFX thread. */
    public Stage noPanelStage() {
        return noPanel == null ? null : noPanel.stage();
    }

    /** The window an {@code OPEN_*} action names, if it was made; for callers on the JavaFX thread. */
    public Stage stage(TrayMenuModel.Action which) {
        return switch (which) {
            case OPEN_WIFI -> picker == null ? null : picker.stage();
            case OPEN_STATUS -> status == null ? null : status.stage();
            case OPEN_SETTINGS -> settings == null ? null : settings.stage();
            default -> null;
        };
    }

    public WifiPicker picker() {
        return picker;
    }

    /** Runs {@code s} on the JavaFX thread and returns what it gave (or null after 10 s). */
    public static <T> T onFx(Supplier<T> s) throws InterruptedException {
        if (Platform.isFxApplicationThread()) {
            return s.get();
        }
        Object[] out = new Object[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                out[0] = s.get();
            } finally {
                done.countDown();
            }
        });
        done.await(10, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    /** Starts JavaFX once, for the first window; false if it cannot start here. */
    synchronized boolean startToolkit() {
        if (started) {
            return true;
        }
        try {
            CountDownLatch up = new CountDownLatch(1);
            Platform.startup(() -> {
                PulseWhileShown.install();
                up.countDown();
            });
            up.await(30, TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            // Already running (a test's toolkit, or an earlier start): fine.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "the windows cannot open: JavaFX did not start (" + e + ")");
            return false;
        }
        // Closing the last window must not end the tray.
        Platform.setImplicitExit(false);
        started = true;
        return true;
    }

    @Override
    public void close() {
        if (!started) {
            return;
        }
        Platform.runLater(() -> {
            if (picker != null) {
                picker.dispose();
            }
            if (status != null) {
                status.dispose();
            }
            if (settings != null) {
                settings.dispose();
            }
            if (noPanel != null) {
                noPanel.dispose();
            }
        });
    }
}
