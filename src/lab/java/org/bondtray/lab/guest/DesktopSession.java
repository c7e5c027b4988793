package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bondtray.testing.VirtualDesktop;

/**
 * The desktop user logged in as on a laptop: autologin on tty1 gives alice a real logind
 * session (active, local, seat0) with her own session bus (dbus-user-session); her session
 * starts Xvfb, xfce4-panel, dunst, GNOME's polkit agent and, through XDG autostart, the
 * installed {@code bondtray tray}. polkit uses only the package's policy and Debian's rules:
 * the administrator is a member of the group sudo, whose password the agent's dialog asks for.
 *
 * <p>The lab answers each dialog as the administrator at the desk would: it types the password
 * (the right one, unless a scenario chose another) and presses Return; a dialog that asks again
 * after a wrong password is cancelled. Every dialog answered is counted.
 */
final class DesktopSession implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "labadmin7rides";
    /** The title of the agent's dialog (polkit-gnome; the VM's locale is C). */
    static final String DIALOG = "^Authenticate$";
    /** Her X display (the session script starts Xvfb there). */
    static final String DISPLAY = ":5";
    private static final Path SESSION_SCRIPT = Path.of("/usr/local/libexec/bondtray-lab-desktop-session");
    private static final Path SESSION_TARGET = Path.of("/etc/systemd/user/bondtray-lab-desktop.target");
    private static final Path AUTOLOGIN = Path.of("/etc/systemd/system/getty@tty1.service.d/autologin.conf");

    private final Cmd cmd;
    private final String user;
    private final int uid;
    private final Path runtime;
    private final Thread answerer;
    private volatile String answer = ADMIN_PASSWORD;
    private volatile boolean closed;
    private volatile boolean away;
    private int answered;
    private int cancelled;

    private DesktopSession(Cmd cmd, String user, int uid) {
        this.cmd = cmd;
        this.user = user;
        this.uid = uid;
        this.runtime = Path.of("/run/user", Integer.toString(uid));
        this.answerer = Thread.ofVirtual().name("polkit-agent-hand").unstarted(this::answerPrompts);
    }

    /**
     * Creates the administrator, logs {@code user} in on tty1 and waits until her desktop is up.
     * After the package is installed: her user manager reads XDG autostart when it starts.
     */
    static DesktopSession login(Cmd cmd, GuestControl control, String user) {
        cmd.run("useradd", "--create-home", "--shell", "/bin/sh", "--groups", "sudo", ADMIN);
        cmd.run("sh", "-c", "echo \"$0:$1\" | chpasswd", ADMIN, ADMIN_PASSWORD);
        Path home = Path.of(cmd.run("getent", "passwd", user).strip().split(":")[5]);
        int uid = uid(user);
        try {
            Files.createDirectories(SESSION_SCRIPT.getParent());
            Files.copy(control.project().resolve("src/lab/guest/desktop-session"), SESSION_SCRIPT,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            cmd.run("chmod", "755", SESSION_SCRIPT.toString());
            Files.createDirectories(SESSION_TARGET.getParent());
            Files.copy(control.project().resolve("src/lab/guest/bondtray-lab-desktop.target"), SESSION_TARGET,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path panel = home.resolve(".config/xfce4/xfconf/xfce-perchannel-xml/xfce4-panel.xml");
            Files.createDirectories(panel.getParent());
            Files.writeString(panel, VirtualDesktop.PANEL);
            // Her login shell on tty1 becomes her desktop, as a display manager's session would.
            Files.writeString(home.resolve(".profile"),
                    "[ \"$(tty)\" = /dev/tty1 ] && exec " + SESSION_SCRIPT + "\n");
            cmd.run("chown", "-R", user + ":" + user, home.toString());
            Files.createDirectories(AUTOLOGIN.getParent());
            Files.writeString(AUTOLOGIN, "[Service]\nExecStart=\nExecStart=-/sbin/agetty --autologin " + user
                    + " --noclear %I $TERM\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cmd.run("systemctl", "daemon-reload");
        cmd.run("systemctl", "start", "getty@tty1.service");
        DesktopSession s = new DesktopSession(cmd, user, uid);
        Wait.until(user + "'s desktop", Duration.ofSeconds(180), Duration.ofMillis(500),
                () -> s.read("desktop-session.log").contains("desktop ready"));
        s.answerer.start();
        return s;
    }

    /** logind's view of her session: Active, Remote, Seat, Type, Class, State. */
    String sessionProperties() {
        String id = cmd.run("loginctl", "show-user", user, "--property=Display", "--value").strip();
        return cmd.run("loginctl", "show-session", id, "--property=Active", "--property=Remote", "--property=Seat",
                "--property=Type", "--property=Class", "--property=State").strip().replace('\n', ' ');
    }

    /**
     * {@code argv} as {@code user} runs it from her desktop (a terminal, a launcher): a transient
     * unit of her systemd user manager, so polkit takes the caller for her session's, as it does
     * for the tray XDG autostart started. A process outside both (the lab's own {@code runuser})
     * belongs to no session, and polkit would ask no agent. What the command leaves running in
     * the background outlives it, as it would in her terminal (the command line's AOT training):
     * the unit ends with its main process without killing the rest.
     */
    static String[] inSession(String user, String... argv) {
        return withSessionEnv(user, Cmd.concat(new String[] {"systemd-run", "--user", "--wait", "--pipe", "--quiet",
                "--collect", "--property=KillMode=process", "--"}, argv));
    }

    /**
     * {@code argv} as {@code user} runs it: from her desktop when she is the one logged in on
     * the laptop, otherwise from a plain login (such a user has no session for polkit to know).
     */
    static String[] asUser(String user, String... argv) {
        return user.equals(Topology.USER) ? inSession(user, argv) : Cmd.asUser(user, argv);
    }

    /** {@code argv} as {@code user} with her session's bus and display in its environment. */
    private static String[] withSessionEnv(String user, String... argv) {
        String runtime = "/run/user/" + uid(user);
        return Cmd.asUser(user, Cmd.concat(new String[] {"env", "XDG_RUNTIME_DIR=" + runtime,
                "DBUS_SESSION_BUS_ADDRESS=unix:path=" + runtime + "/bus", "DISPLAY=" + DISPLAY}, argv));
    }

    static int uid(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 2 && f[0].equals(user)) {
                    return Integer.parseInt(f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no user " + user);
    }

    /** A command as her, with this session's bus and display, as a program started in the session has. */
    Cmd.Result run(String... argv) {
        return cmd.tryRun(asHer(argv));
    }

    private String[] asHer(String... argv) {
        return withSessionEnv(user, argv);
    }

    /** The StatusNotifierItems the panel has taken, as its watcher lists them. */
    String trayItems() {
        return run("busctl", "--user", "get-property", "org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                "org.kde.StatusNotifierWatcher", "RegisteredStatusNotifierItems").out().strip();
    }

    /** The bus name of the first item on her panel (the package's tray: no other program puts one there). */
    String trayOwner() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"/]+)").matcher(trayItems());
        if (!m.find()) {
            throw new IllegalStateException("no tray icon on alice's panel: " + trayItems());
        }
        return m.group(1);
    }

    /** Her screen as it is now, saved as {@code png} (taken as her: the display is hers). */
    void screenshot(Path png) {
        Path mine = runtime.resolve("screenshot.png");
        run("import", "-window", "root", mine.toString());
        try {
            Files.createDirectories(png.getParent());
            Files.copy(mine, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the package's tray, started by XDG autostart, has its icon on the panel. */
    boolean trayOnPanel() {
        return trayItems().matches("as [1-9].*");
    }

    /** The autostarted tray's unit: systemd's XDG autostart generator names it after the entry's file. */
    private static final String TRAY_UNIT = "app-org.bondtray.Bondtray\\x2dautostart@autostart.service";

    /** The autostarted tray's ActiveState and main process. */
    String trayUnitState() {
        return run("systemctl", "--user", "show", "--property=ActiveState", "--property=ExecMainPID",
                TRAY_UNIT).out().strip().replace('\n', ' ');
    }

    /**
     * Starts watching the Notify calls that reach her notification server (dunst) on her session
     * bus; {@link #notifications} counts them once the watch is stopped.
     */
    Process watchNotifications(String name) {
        Process p = cmd.start(name, asHer("dbus-monitor", "--session",
                "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"));
        // dbus-monitor says nothing until the first call: give it a moment to become a monitor.
        Wait.sleep(Duration.ofSeconds(2));
        return p;
    }

    /** The Notify calls a stopped watch saw, and the summaries they carried. */
    List<String> notifications(String name) {
        return notifyArgument(name, 4);
    }

    /** The bodies of the Notify calls a stopped watch saw. */
    List<String> notificationBodies(String name) {
        return notifyArgument(name, 5);
    }

    /** Argument {@code n} (app_name, replaces_id, app_icon, summary, body: 1 to 5) of each Notify call seen. */
    private List<String> notifyArgument(String name, int n) {
        List<String> lines = read(cmd.logDir().resolve(name + ".log")).lines().toList();
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("member=Notify")) {
                int args = 0;
                for (int j = i + 1; j < lines.size() && args < n; j++) {
                    String l = lines.get(j).strip();
                    if (l.startsWith("string ") || l.startsWith("uint32 ")) {
                        args++;
                        if (args == n) {
                            values.add(l.replaceFirst("^string ", ""));
                        }
                    }
                }
            }
        }
        return values;
    }

    /** Whether she has left her screen: the agent's dialogs then stay open, unanswered. */
    void away(boolean gone) {
        away = gone;
    }

    /** Whether a polkit dialog is on her screen now. */
    boolean dialogShown() {
        return !run("xdotool", "search", "--name", DIALOG).out().isBlank();
    }

    /** From now on the agent's dialogs get {@code password} (the administrator's is the default). */
    void answerWith(String password) {
        answer = password;
    }

    /** The agent's dialogs answered so far. */
    synchronized int dialogsAnswered() {
        return answered;
    }

    /** Dialogs cancelled after a wrong password. */
    synchronized int dialogsCancelled() {
        return cancelled;
    }

    /**
     * Waits for each dialog with one {@code xdotool search --sync} (it asks the X server, no
     * process per look), answers it, and waits until it has gone. A look that fails costs that
     * dialog, never the hand: every later dialog of the run would wait for nobody.
     */
    private void answerPrompts() {
        while (!closed) {
            Process search = cmd.startReading("polkit-dialog-search", asHer("xdotool", "search", "--sync", "--name", DIALOG));
            String window;
            try {
                window = new String(search.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip()
                        .split("\\s+")[0];
                search.waitFor();
            } catch (IOException e) {
                continue;
            } catch (InterruptedException e) {
                return;
            }
            if (closed || window.isEmpty()) {
                continue;
            }
            try {
                answer(window);
            } catch (RuntimeException e) {
                cmd.note("polkit-agent-hand: " + e);
                Wait.sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void answer(String window) {
        if (away) {
            // Nobody at the screen: the dialog stays until its check ends or she is back.
            Wait.untilOrTimeout(Duration.ofMinutes(5), Duration.ofMillis(500), () -> !away || !dialogShown());
            return;
        }
        String password = answer;
        focusThen(window, "type", "--delay", "20", password);
        run("xdotool", "key", "--window", window, "Return");
        synchronized (this) {
            answered++;
        }
        if (!password.equals(ADMIN_PASSWORD)) {
            // The dialog asks again after a wrong password; the user gives up.
            Wait.sleep(Duration.ofSeconds(4));
            focusThen(window, "key", "Escape");
            synchronized (this) {
                cancelled++;
            }
        }
        Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(500), () -> !dialogShown());
    }

    /** Closes the dialog on her screen, if one is there, as she would: Escape. */
    void dismissDialog() {
        String window = run("xdotool", "search", "--name", DIALOG).out().strip().split("\\s+")[0];
        if (!window.isEmpty()) {
            focusThen(window, "key", "Escape");
        }
    }

    /**
     * Focuses {@code window}, then does {@code then} to it. The focus is waited for, and that wait
     * is bounded: xdotool's has no end, and a dialog that went away meanwhile is never focused.
     */
    void focusThen(String window, String... then) {
        List<String> argv = new java.util.ArrayList<>(List.of("timeout", "15", "xdotool", "windowfocus", "--sync", window));
        argv.addAll(List.of(then));
        run(argv.toArray(String[]::new));
    }

    String read(String file) {
        return read(runtime.resolve(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            // not there yet, or caught in the middle of a multi-byte character
            return "";
        }
    }

    /** Her session's logs, with the scenario's. */
    void keepLogs() {
        for (String f : List.of("desktop-session.log")) {
            try {
                Files.writeString(cmd.logDir().resolve("alice-" + f), read(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Units.keepJournalOfUser(cmd, uid, "alice-user-journal.log");
    }

    @Override
    public void close() {
        closed = true;
    }
}
