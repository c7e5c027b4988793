package org.bondtray.helper.kernel;

import java.util.Map;

/** Names for the errno values the kernel answers netlink requests with, for messages a user reads. */
final class Errno {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM (operation not permitted)"),
            Map.entry(2, "ENOENT (no such object)"),
            Map.entry(4, "EINTR"),
            Map.entry(11, "EAGAIN"),
            Map.entry(13, "EACCES (permission denied)"),
            Map.entry(16, "EBUSY (device or resource busy)"),
            Map.entry(17, "EEXIST (already exists)"),
            Map.entry(19, "ENODEV (no such device)"),
            Map.entry(22, "EINVAL (invalid argument)"),
            Map.entry(34, "ERANGE (out of range)"),
            Map.entry(61, "ENODATA"),
            Map.entry(93, "EPROTONOSUPPORT"),
            Map.entry(95, "EOPNOTSUPP (operation not supported)"),
            Map.entry(97, "EAFNOSUPPORT"),
            Map.entry(105, "ENOBUFS (event queue overflowed)"),
            Map.entry(132, "ERFKILL (blocked by rfkill)"));

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int ENODEV = 19;
    static final int EOPNOTSUPP = 95;
    static final int EADDRNOTAVAIL = 99;
    static final int ERFKILL = 132;

    private Errno() {
    }

    static String describe(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
