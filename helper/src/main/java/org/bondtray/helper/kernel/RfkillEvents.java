package org.bondtray.helper.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows {@code /dev/rfkill}: every block and unblock of a radio (a key, airplane mode, a
 * hardware switch) arrives as an event, so the helper says "rfkill" the moment it happens and
 * takes the radio back the moment it is unblocked, without anyone calling.
 */
public final class RfkillEvents implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RfkillEvents.class.getName());
    /** struct rfkill_event: u32 idx, u8 type, u8 op, u8 soft, u8 hard (newer kernels append more). */
    private static final int EVENT_SIZE = 8;

    private final InputStream in;
    private final Thread thread;

    private RfkillEvents(InputStream in, Runnable changed) {
        this.in = in;
        this.thread = Thread.ofPlatform().name("rfkill-events").daemon().start(() -> loop(changed));
    }

    /** Starts following the device; null when this system has none (no radios, no rfkill). */
    public static RfkillEvents follow(Path device, Runnable changed) {
        if (!Files.isReadable(device)) {
            return null;
        }
        try {
            return new RfkillEvents(Files.newInputStream(device), changed);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot follow " + device + "; rfkill changes are seen when links change", e);
            return null;
        }
    }

    private void loop(Runnable changed) {
        byte[] event = new byte[64];
        try {
            // One read returns one event, whatever size this kernel's struct has grown to.
            while (in.read(event) >= EVENT_SIZE) {
                changed.run();
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
        thread.interrupt();
    }
}
