package org.bondtray.Error;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@code org.bondtray.Error.NotAuthorized}: The caller may not do this; polkit said no, or could not be asked. */
public class NotAuthorized extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public NotAuthorized(String message) {
        super(message);
    }
}
