package org.bondtray.helper.bus;

import java.util.Map;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** polkit's {@code org.freedesktop.PolicyKit1.Authority}: the check the helper makes, and its cancel. */
@DBusInterfaceName(PolkitAuthority.INTERFACE)
public interface PolkitAuthority extends DBusInterface {
    String BUS_NAME = "org.freedesktop.PolicyKit1";
    String PATH = "/org/freedesktop/PolicyKit1/Authority";
    String INTERFACE = "org.freedesktop.PolicyKit1.Authority";
    /** CheckAuthorizationFlags.AllowUserInteraction: polkit may ask for a password. */
    int ALLOW_USER_INTERACTION = 1;

    Result CheckAuthorization(Subject subject, String actionId, Map<String, String> details, UInt32 flags,
                              String cancellationId);

    /** Ends a CheckAuthorization of this connection's, by the cancellation id it was given; its dialog goes. */
    void CancelCheckAuthorization(String cancellationId);

    /** (sa{sv}): who is asking, here always ("system-bus-name", {"name": caller}). */
    final class Subject extends Struct {
        @Position(0)
        public final String kind;
        @Position(1)
        public final Map<String, Variant<?>> details;

        public Subject(String kind, Map<String, Variant<?>> details) {
            this.kind = kind;
            this.details = details;
        }
    }

    /** (bba{ss}): authorized, challenge needed, details. */
    final class Result extends Struct {
        @Position(0)
        public final boolean authorized;
        @Position(1)
        public final boolean challenge;
        @Position(2)
        public final Map<String, String> details;

        public Result(boolean authorized, boolean challenge, Map<String, String> details) {
            this.authorized = authorized;
            this.challenge = challenge;
            this.details = details;
        }
    }
}
