package org.bondtray.Error;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@code org.bondtray.Error.NotFound}: A named port or bond does not exist. */
public class NotFound extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }
}
