package org.bondtray.Error;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@code org.bondtray.Error.Busy}: Another change is being applied. */
public class Busy extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public Busy(String message) {
        super(message);
    }
}
