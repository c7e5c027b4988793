package org.bondtray.Error;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@code org.bondtray.Error.InvalidArgs}: An argument is malformed or out of range; nothing was changed. */
public class InvalidArgs extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public InvalidArgs(String message) {
        super(message);
    }
}
