package org.bondtray.Error;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@code org.bondtray.Error.Unsupported}: The kernel cannot do this (no bonding driver). */
public class Unsupported extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String message) {
        super(message);
    }
}
