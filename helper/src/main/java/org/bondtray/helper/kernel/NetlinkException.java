package org.bondtray.helper.kernel;

import java.io.IOException;

/** The kernel refused a netlink request; {@link #errno()} says why, the message says what was asked. */
public final class NetlinkException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    NetlinkException(String request, int errno, String extAck) {
        super(request + ": " + Errno.describe(errno) + (extAck == null || extAck.isEmpty() ? "" : " (" + extAck + ")"));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** The kernel does not know the link kind asked for (no bonding driver, for one). */
    public boolean unsupported() {
        return errno == Errno.EOPNOTSUPP || errno == Errno.ENOENT && getMessage().contains("Unknown device type");
    }

    public boolean rfkilled() {
        return errno == Errno.ERFKILL;
    }

    public boolean noSuchDevice() {
        return errno == Errno.ENODEV;
    }

    /** What a delete was asked to remove is not there (any more): no route (ESRCH), no address. */
    boolean alreadyGone() {
        return errno == Errno.ESRCH || errno == Errno.EADDRNOTAVAIL;
    }
}
