package org.bondtray.tray.windows;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Logger;

import javafx.collections.ListChangeListener;
import javafx.stage.Window;

/**
 * JavaFX draws on a pulse from a timer that fires 60 times a second. The toolkit pauses it when
 * nothing is to be drawn, but on Linux that pause is empty (glass's {@code GtkTimer}), so once a
 * window had opened, the tray's JavaFX thread woke 61 times a second for the rest of the day:
 * 3687 of the tray's 3723 wake-ups a minute after its status window closed ({@code ./bench
 * --host --quick --tray}). This stops that timer while no window shows and starts it again as
 * the first one shows, before it is drawn.
 *
 * <p>It reaches into the toolkit: the tray's launcher opens those three packages to it. Where it
 * cannot (another launcher, another toolkit), it leaves the timer alone and the windows work as
 * before, waking as before.
 */
final class PulseWhileShown implements ListChangeListener<Window> {
    private static final Logger LOG = Logger.getLogger(PulseWhileShown.class.getName());

    private final Object timer;
    private final Method start;
    private final Method stop;
    private final int interval;
    private boolean running = true;

    private PulseWhileShown(Object timer, Method start, Method stop, int interval) {
        this.timer = timer;
        this.start = start;
        this.stop = stop;
        this.interval = interval;
    }

    /**
     * Follows the showing windows from now on; on the JavaFX thread, after the toolkit started and
     * before a window shows. False if the timer could not be reached, or pauses by itself.
     */
    static boolean install() {
        PulseWhileShown p;
        try {
            Object toolkit = Class.forName("com.sun.javafx.tk.Toolkit").getMethod("getToolkit").invoke(null);
            Field f = toolkit.getClass().getDeclaredField("pulseTimer");
            f.setAccessible(true);
            Object timer = f.get(toolkit);
            if (!timer.getClass().getName().equals("com.sun.glass.ui.gtk.GtkTimer")) {
                return false;
            }
            Field i = toolkit.getClass().getDeclaredField("PULSE_INTERVAL");
            i.setAccessible(true);
            Class<?> glassTimer = Class.forName("com.sun.glass.ui.Timer");
            p = new PulseWhileShown(timer, glassTimer.getMethod("start", int.class), glassTimer.getMethod("stop"),
                    i.getInt(toolkit));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("JavaFX's pulse goes on while no window shows (" + e + ")");
            return false;
        }
        Window.getWindows().addListener(p);
        p.onChanged(null);
        return true;
    }

    @Override
    public void onChanged(Change<? extends Window> c) {
        boolean wanted = !Window.getWindows().isEmpty();
        if (wanted == running) {
            return;
        }
        try {
            if (wanted) {
                start.invoke(timer, interval);
            } else {
                stop.invoke(timer);
            }
            running = wanted;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Started again at once if it cannot be told: a window that is never drawn is worse
            // than wake-ups.
            LOG.warning("JavaFX's pulse timer could not be " + (wanted ? "started" : "stopped") + ": " + e);
            Window.getWindows().removeListener(this);
            if (!running) {
                try {
                    start.invoke(timer, interval);
                    running = true;
                } catch (ReflectiveOperationException | RuntimeException again) {
                    LOG.severe("JavaFX's pulse timer is stopped for good: " + again);
                }
            }
        }
    }
}
