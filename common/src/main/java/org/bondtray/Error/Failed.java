package org.bondtray.Error;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@code org.bondtray.Error.Failed}: The kernel refused; the message says what was asked and why it was refused. */
public class Failed extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public Failed(String message) {
        super(message);
    }
}
