package org.bondtray.helper.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Listens to the kernel's link, address and route events on a thread of its own, so state
 * changes reach the helper as they happen instead of by polling. When the kernel drops events
 * (ENOBUFS) the listener is told to read everything again.
 */
public final class KernelEvents implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KernelEvents.class.getName());

    /** What the helper does with an event; called on the events thread. */
    public interface Listener {
        /** A link appeared or changed; {@code receivedNanos} is System.nanoTime() at receipt. */
        void linkChanged(Link link, long receivedNanos);

        void linkRemoved(int index, String name, long receivedNanos);

        /** Addresses or routes changed somewhere; the listener reads what it cares about. */
        void addressingChanged();

        /** Events were lost: re-read the whole state. */
        void resync();
    }

    /** The events thread's name, which the kernel also knows it by (/proc/PID/task/TID/comm). */
    static final String THREAD = "kernel-events";

    private final NetlinkSocket socket;
    private final Wakeup stop;
    private final Thread thread;
    private volatile boolean running = true;

    public KernelEvents(Listener listener) throws IOException {
        // No receive timeout: the thread sleeps until the kernel speaks or close() wakes it.
        socket = new NetlinkSocket(Rt.RTMGRP_LINK | Rt.RTMGRP_IPV4_IFADDR | Rt.RTMGRP_IPV6_IFADDR
                | Rt.RTMGRP_IPV4_ROUTE | Rt.RTMGRP_IPV6_ROUTE, 0);
        try {
            stop = new Wakeup();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        thread = Thread.ofPlatform().name(THREAD).daemon().start(() -> loop(listener));
    }

    private void loop(Listener listener) {
        while (running) {
            ByteBuffer datagram;
            try {
                datagram = socket.receive(stop);
                if (datagram == null) {
                    return;
                }
            } catch (Libc.ErrnoException e) {
                if (e.errno == Libc.ENOBUFS) {
                    listener.resync();
                    continue;
                }
                if (running) {
                    LOG.log(Level.SEVERE, "kernel events stopped", e);
                }
                return;
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "kernel events stopped", e);
                return;
            }
            long now = System.nanoTime();
            for (ByteBuffer m : NetlinkSocket.messages(datagram)) {
                try {
                    dispatch(listener, m, now);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not handle a kernel event", e);
                }
            }
        }
    }

    private static void dispatch(Listener listener, ByteBuffer m, long now) {
        int type = Short.toUnsignedInt(m.getShort(4));
        switch (type) {
            case Rt.RTM_NEWLINK -> listener.linkChanged(Link.parse(m), now);
            case Rt.RTM_DELLINK -> {
                Link l = Link.parse(m);
                listener.linkRemoved(l.index(), l.name(), now);
            }
            case Rt.RTM_NEWADDR, Rt.RTM_DELADDR, Rt.RTM_NEWROUTE, Rt.RTM_DELROUTE -> listener.addressingChanged();
            default -> {
                // other families are not subscribed
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        stop.wake();
        thread.join(2000);
        socket.close();
        stop.close();
    }
}
