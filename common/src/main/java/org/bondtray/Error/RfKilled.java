package org.bondtray.Error;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@code org.bondtray.Error.RfKilled}: A radio is blocked by rfkill. */
public class RfKilled extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public RfKilled(String message) {
        super(message);
    }
}
