package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActiveNetworkTest {
    @Test
    void theActiveWifiJoiningAnotherNetworkIsAChange() {
        ActiveNetwork a = new ActiveNetwork();
        assertFalse(a.joinedAnother("wlan0", "office"));
        assertFalse(a.joinedAnother("wlan0", ""), "its access point went away");
        assertFalse(a.joinedAnother("", ""), "the bond has no active port while nothing carries traffic");
        assertTrue(a.joinedAnother("wlan0", "cafe"), "wpa_supplicant joined another known network");
        assertFalse(a.joinedAnother("wlan0", "cafe"), "said once");
    }

    @Test
    void roamingWithinOneNetworkAndSwitchoversAreNot() {
        ActiveNetwork a = new ActiveNetwork();
        assertFalse(a.joinedAnother("wlan0", "office"));
        assertFalse(a.joinedAnother("wlan0", ""));
        assertFalse(a.joinedAnother("wlan0", "office"), "another access point of the same network");
        assertFalse(a.joinedAnother("eth0", ""), "a switchover is judged where the kernel reports it");
        assertFalse(a.joinedAnother("wlan0", "cafe"), "back on Wi-Fi: a switchover, not a join");
        assertFalse(a.joinedAnother("eth0", ""));
        assertFalse(a.joinedAnother("eth0", ""), "a wire has no Wi-Fi network");
    }
}
