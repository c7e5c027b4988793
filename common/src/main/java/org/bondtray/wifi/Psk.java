package org.bondtray.wifi;

import java.security.GeneralSecurityException;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The WPA2 pre-shared key from a passphrase (IEEE 802.11i: PBKDF2-HMAC-SHA1, the SSID as salt,
 * 4096 rounds, 256 bits), computed here so the passphrase never leaves this process: wpa_supplicant
 * gets the 32-byte key only.
 */
public final class Psk {
    private Psk() {
    }

    /**
     * Passphrases are 8 to 63 printable ASCII characters; anything else is refused with why: the
     * key of the reason among WpaClient's words, "" when the passphrase will do.
     */
    public static String check(char[] passphrase) {
        if (passphrase.length < 8 || passphrase.length > 63) {
            return "wifi.psk.length";
        }
        for (char c : passphrase) {
            if (c < 0x20 || c > 0x7e) {
                return "wifi.psk.ascii";
            }
        }
        return "";
    }

    /** The 32-byte key; wpa_supplicant takes it as a byte array and stores it as raw hex. */
    public static byte[] raw(char[] passphrase, byte[] ssid) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, ssid, 4096, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no PBKDF2WithHmacSHA1", e);
        } finally {
            spec.clearPassword();
        }
    }
}
