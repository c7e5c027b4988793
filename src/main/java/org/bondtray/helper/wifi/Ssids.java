package org.bondtray.helper.wifi;

/** SSIDs are bytes, as the bus hands them over; shown only through {@link org.bondtray.wifi.SsidText#show}. */
public final class Ssids {
    private Ssids() {
    }

    /**
     * An SSID (or any byte string) as dbus-java hands it over: a byte array, or, inside a variant
     * or a dictionary, a list or array of numbers. Null for anything else.
     */
    public static byte[] fromBus(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        java.util.List<?> items = value instanceof java.util.List<?> l ? l
                : value instanceof Object[] a ? java.util.List.of(a) : null;
        if (items == null) {
            return null;
        }
        byte[] out = new byte[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) items.get(i)).byteValue();
        }
        return out;
    }
}
