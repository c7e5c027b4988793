/**
 * wpa_supplicant's D-Bus API ({@code fi.w1.wpa_supplicant1}), as Bondtray uses it: the tray's
 * Wi-Fi picker and the lab drive Wi-Fi only through it. Names are spelled once, in {@link Wpa}.
 */
package org.bondtray.wpa;
