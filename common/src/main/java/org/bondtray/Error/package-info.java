/**
 * Bondtray's D-Bus errors. dbus-java sends an error under its Java class name, so this package
 * is named after the D-Bus error prefix: {@code org.bondtray.Error.InvalidArgs} is both the
 * class and the error a client receives. Messages are written for the user who will read them.
 */
package org.bondtray.Error;
