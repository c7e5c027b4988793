package org.bondtray.tray.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;

import org.bondtray.i18n.Texts;
import org.bondtray.testing.PrivateBus;
import org.bondtray.testing.VirtualDesktop;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayMenuModel;
import org.bondtray.tray.TraySettings;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * GNOME without the AppIndicator extension: the window standing in for the icon can be told not
 * to come again, and it does not, also for the next tray (her next login); Settings brings it back.
 */
class StandInWindowTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void dontShowThisAgainHoldsForTheNextLoginUntilSettingsBringsItBack() throws Exception {
        PrivateBus.assumeAvailable();
        FxToolkit.registerPrimaryStage();
        Files.createDirectories(dir.resolve("session"));
        Files.createDirectories(dir.resolve("system"));
        TraySettings settings = new TraySettings(dir.resolve("config/bondtray/tray.conf"));
        try (PrivateBus session = new PrivateBus(dir.resolve("session"));
             PrivateBus system = new PrivateBus(dir.resolve("system"))) {
            Tray first = new Tray(session, system, settings);
            try {
                Stage stand = first.standIn();
                FxWindows.onFx(() -> {
                    ((Button) stand.getScene().lookup("#never-again")).fire();
                    return null;
                });
                VirtualDesktop.waitFor("the window to go", TIMEOUT,
                        () -> Boolean.FALSE.equals(FxWindows.onFx(stand::isShowing)));
                assertTrue(Files.readString(dir.resolve("config/bondtray/tray.conf")).contains("stand_in_window = no"));
            } finally {
                first.close();
            }

            // Her next login: the tray starts without a panel again, and no window comes.
            Tray next = new Tray(session, system, settings);
            try {
                Thread.sleep(3000);
                assertFalse(Boolean.TRUE.equals(FxWindows.onFx(() -> next.windows.noPanelStage() != null
                        && next.windows.noPanelStage().isShowing())), "no stand-in window after 'don't show again'");
                // Settings' box brings it back at once.
                Stage prefs = next.open(TrayMenuModel.Action.OPEN_SETTINGS);
                FxWindows.onFx(() -> {
                    CheckBox box = (CheckBox) prefs.getScene().lookup("#stand-in");
                    assertFalse(box.isSelected());
                    box.setSelected(true);
                    return null;
                });
                next.standIn();
                assertTrue(Files.readString(dir.resolve("config/bondtray/tray.conf")).contains("stand_in_window = yes"));
            } finally {
                next.close();
            }
        }
    }

    /** A tray on the test's buses, with no panel and no helper, keeping its choices in {@code settings}. */
    private static final class Tray implements AutoCloseable {
        final DBusConnection sessionConnection;
        final DBusConnection systemConnection;
        final TrayApp app;
        final FxWindows windows;

        Tray(PrivateBus session, PrivateBus system, TraySettings settings) throws Exception {
            sessionConnection = DBusConnectionBuilder.forAddress(session.address()).withShared(false).build();
            systemConnection = DBusConnectionBuilder.forAddress(system.address()).withShared(false).build();
            app = new TrayApp(sessionConnection, systemConnection, Path.of("icons").toAbsolutePath(),
                    new Texts(Locale.ENGLISH), () -> { });
            app.settings(settings);
            windows = new FxWindows(app, org.bondtray.net.NetSysfs.system());
            app.windows(windows);
            app.panelGrace(Duration.ofSeconds(1));
            app.start();
        }

        Stage standIn() throws Exception {
            VirtualDesktop.waitFor("the window standing in for the icon", TIMEOUT, () -> Boolean.TRUE.equals(
                    FxWindows.onFx(() -> windows.noPanelStage() != null && windows.noPanelStage().isShowing())));
            return FxWindows.onFx(windows::noPanelStage);
        }

        Stage open(TrayMenuModel.Action action) throws Exception {
            app.act(action);
            VirtualDesktop.waitFor("the window of " + action, TIMEOUT, () -> Boolean.TRUE.equals(FxWindows.onFx(() -> {
                Stage s = windows.stage(action);
                return s != null && s.isShowing();
            })));
            return FxWindows.onFx(() -> windows.stage(action));
        }

        @Override
        public void close() throws Exception {
            FxWindows.onFx(() -> {
                if (windows.noPanelStage() != null) {
                    windows.noPanelStage().hide();
                }
                Stage s = windows.stage(TrayMenuModel.Action.OPEN_SETTINGS);
                if (s != null) {
                    s.hide();
                }
                return null;
            });
            app.close();
            sessionConnection.disconnect();
            systemConnection.disconnect();
        }
    }
}
