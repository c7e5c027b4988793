package org.bondtray.api.error;

import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@value BondtrayBus#ERROR_UNSUPPORTED}: The kernel cannot do this (no bonding driver). */
@DBusInterfaceName(BondtrayBus.ERROR_UNSUPPORTED)
public class Unsupported extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String message) {
        super(message);
    }
}
