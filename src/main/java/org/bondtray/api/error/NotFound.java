package org.bondtray.api.error;

import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@value BondtrayBus#ERROR_NOT_FOUND}: A named port or object does not exist. */
@DBusInterfaceName(BondtrayBus.ERROR_NOT_FOUND)
public class NotFound extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }
}
