package org.bondtray.lab.guest;

import java.util.List;

/**
 * What each scenario of the helper's set measures, one record per scenario: the guest builds it,
 * {@link Figures} carries it, the host's test case reads the same record back. Times are in ms
 * unless a name says otherwise; a wait that gave up is -1.
 */
public final class HelperFigures {
    private HelperFigures() {
    }

    /** Echo requests in a window of the probe. */
    public record Window(int sent, int lost, int answered, long longestGapMs) {
        static Window of(TrafficProbe.Window w) {
            return new Window(w.sent(), w.lost(), w.answered(), w.longestGapMs());
        }
    }

    /** The TCP connections the probe kept open through a window. */
    public record Tcp(int connections, int survived, long longestStallMs) {
        static Tcp of(TrafficProbe.Report report) {
            return new Tcp(report.tcp().connections(), report.tcp().survived(), report.tcp().longestStallMs());
        }
    }

    /** A command line's run: its exit status and what it said on both streams. */
    public record Said(int exit, String output) {
        static Said of(Cmd.Result r) {
            return new Said(r.exit(), (r.out() + r.err()).strip());
        }

        /** Its exit status and its error stream only: a refusal, without what it printed before. */
        static Said err(Cmd.Result r) {
            return new Said(r.exit(), r.err().strip());
        }
    }

    /** The helper's first lease on the bond, as the API, the kernel and the resolver show it. */
    public record Lease(long leaseMs, long lease6Ms, String state, String address, String server, long leaseTime,
            String bondAddress, String dns, long resolvConfMs, String resolvConf, String config) {
    }

    /** {@code bondtray setup} from two plain interfaces, with a helper the bus has just started. */
    public record Setup(long startToNameMs, String stateAtStart, Said setup, long stateUpMs, String mode,
            String failOverMac, String primary, String ports, String wifiSsid, String status, long rssKb, Lease lease) {
    }

    /** The same-network verdict for the bridged access point, the café's, and the bridged one again. */
    public record SameNetwork(long sameMs, String bridged, long cafeSsidMs, long differentMs, String cafe,
            String cafeActive, long backMs, String back, String heard) {
    }

    public record Cut(String reason, long outageMs, int lost, long longestGapMs) {
    }

    /**
     * A restore. {@code renewDueMs}: when the helper's renewal after the cut falls, from the
     * restore; {@code lostKernelWindow}: requests lost because the kernel sent them out of the
     * cable with the Wi-Fi's MAC.
     */
    public record Restore(String reason, long signalAfterMs, long renewDueMs, int lost, String lostAtMs,
            long lostKernelWindow) {
    }

    /** The lease before and after the cuts, and what the LAN's DHCP server saw meanwhile. */
    public record LeaseKept(String v4Before, String v6Before, String v4After, String v6After, int discover, int nak,
            int request, int ack, int release, int clientLeases, String clientIdPrefix) {
    }

    /** Ten cuts and restores under traffic, with {@code bondtray watch} and alice's tray listening. */
    public record Cuts(List<Cut> cuts, List<Restore> restores, int watchLines, String watchFirstLine, int notifications,
            String firstNotification, int lostMax, int lostTotal, int restoresLostTotal, int restoresLostMax,
            int oldMacSent, long restoresLostKernelWindow, long restoresLostOther, String reasons,
            double latencyMedianMs, double latencyMaxMs, long cutToSignalMedianMs, long cutToSignalMaxMs, Tcp tcp,
            LeaseKept lease) {
    }

    /** A cut and a restore on a Wi-Fi that holds frames {@code delayMs} on the air. */
    public record SlowAir(long delayMs, Window restore, String restoreLostAtMs, Tcp tcp, long standbyShutAfterMs) {
    }

    /** The tray in a desktop's panel through three cuts and restores. */
    public record Tray(long panelWatcherMs, long startToRegisteredMs, String iconBefore, String cutSummary,
            String iconOnWifi, String tooltipOnWifi, int displayedAfterCut, List<Long> cutToIconMs,
            List<Long> cutToNotificationMs, String restoreSummary, List<Long> restoreToNotificationMs, String iconAfter,
            int displayedAtEnd) {
    }

    /** switch wireless and auto as alice; switch as mallory, whom polkit refuses. */
    public record Switching(int wirelessExit, String wirelessActive, int autoExit, String autoActive,
            Said refused, String activeAfterRefused, String preferenceAfterRefused) {
    }

    /** The Wi-Fi port's association dropped and made again: when it carries traffic again. */
    public record Readiness(String timeline, boolean completedSeen, boolean activeSeen, long activeAfterCompletedMs,
            String switchoverReason) {
    }

    /** kill -9 of the helper under traffic, and the helper the bus starts again. */
    public record Crash(String stateBefore, String activeBefore, Window window, Tcp tcp, long restartToNameMs,
            String stateAfter, String activeAfter, boolean dhcpcdAdopted) {
    }

    /** One malformed call and the D-Bus error it got ("accepted" if none). */
    public record BadCall(String name, String outcome) {
    }

    /** Two changes started together, tried until they overlap: each one's outcome. */
    public record Busy(String outcomes, int attempts) {
    }

    /** Malformed calls; a port not in the bond; two changes at once. */
    public record BadInput(List<BadCall> calls, String refusedUserError, int accepted, String notAPort, Busy busy,
            boolean helperAlive, boolean unchanged) {
    }

    /** dhcpcd killed: the helper starts it again, and the address stays all along. */
    public record DhcpcdRestart(long pidBefore, long restartMs, boolean addressKept, long runningMs, String stateAfter) {
    }

    /** A hostile domain name from the DHCP server, taken by the dhcpcd the helper starts again. */
    public record HostileDomain(long droppedMs, String warning, String resolvConf, boolean injected, String dns,
            DhcpcdRestart dhcpcd) {
    }

    /** The radio blocked, the cable cut while it is, then unblocked. */
    public record Rfkill(String role, String state, String reason, Said switchRefused, String cutState,
            String cutReason, long unblockToActiveMs, long unblockToBackupMs, String stateAfter) {
    }

    /** Setup again on the live bond with static addresses beside the lease. */
    public record StaticAddressing(Said setup, String addresses, String route, boolean ping, String state,
            String active, String apiAddresses) {
    }

    /** A route and metric configured; then the DHCP server silent and the fallback address. */
    public record Routes(Said setup, long routeMs, long dhcpDefaultMs, long routeBackMs, String route,
            String defaultRoute, String config, Said fallback, long fallbackAddressMs, String fallbackState,
            String fallbackAddresses, boolean fallbackPing, int fallbackOffExit, long leaseAgainMs,
            String addressesAfter) {
    }

    /** A change that loses the gateway rolled back by itself; a good one confirmed. */
    public record Rollback(long callMs, Said setup, boolean deadlineSet, boolean badApplied, long signalMs,
            String reason, long restoredMs, String addressesAfter, String defaultAfter, String configAfter,
            long deadlineAfter, boolean pingAfter, int confirmSetupExit, boolean confirmDeadlineSet, int confirmExit,
            long confirmDeadlineAfter, Said confirmAgain) {
    }

    /** A good change whose verdict lands in a switchover. */
    public record Verdict(Said setup, long deadlineInMs, long cutBeforeDeadlineMs, long onWifiAfterDeadlineMs,
            long decidedAfterDeadlineMs, boolean kept, String rolledBack, long deadlineAfter, String configDowndelay,
            String portsAfter, int defaultsExit) {
    }

    /** Adapters plugged and unplugged under traffic. */
    public record Hotplug(Said setup, long wiredJoinedMs, long wiredBackupMs, long wifiDroppedMs,
            String unpluggedState, String unpluggedPorts, String wifiName, long wifiJoinedMs, long wifiBackupMs,
            long wiredDroppedMs, Window window, Tcp tcp, int switchovers, String activeAfter, String stateAfter,
            String portsAfter, boolean handedOver, String joinedLog) {
    }

    /** 50 cable toggles in 10 s. */
    public record Flapping(int toggles, long burstMs, int propertiesChanged, long settleMs, int switchovers,
            String switchoverList, Window burst, Window after, Tcp tcp, long rssBeforeKb, long rssAfterKb,
            long threadsBefore, long threadsAfter, String stateAfter, String activeAfter) {
    }

    /** {@code bondtray disable}: the bond gone, the lease released, the interfaces given back. */
    public record Disable(Said disable, boolean dhcpReleased, boolean dhcpcdRunning, boolean resolvConfRestored,
            boolean bondExists, String eth0, String wlan0, long wlan0CompletedMs, String wlan0Carrier) {
    }

    /** {@code bondtray wifi connect} to one network. */
    public record Join(String ssid, Said said, long ms, String ssidNow, boolean leaksPassword) {
    }

    /** On a distribution whose wpa_supplicant admits only root, with the package's example policy for netdev. */
    public record ExamplePolicy(int listExit, String list, String createInterface, String setProperty) {
    }

    /** {@code bondtray wifi} as alice, before and after she is in netdev; the example bus policy. */
    public record WifiCli(Said withoutNetdev, int listExit, String listJson, String listText, Said wrong, long wrongMs,
            List<Join> joins, Said forget, int forgetAgainExit, long backOnLanMs, ExamplePolicy examplePolicy) {
    }

    /** The picker with no bond: cached list, scan, wrong and right password, rejoin, forget. */
    public record Picker(long clickToShownMs, long openToListMs, long openToScanMs, String rows,
            String keepsWithoutBond, boolean passwordShown, boolean passwordCleared, String wrong, long wrongMs,
            String joined, long joinMs, String ssidNow, boolean savedAfterJoin, boolean savedPassphrase,
            boolean knownAsksPassword, String backSsid, String forgot, boolean savedAfterForget, String rowsAfter) {
    }

    /** The picker again with the bond up: which networks keep connections when you unplug. */
    public record Keeps(long ms, String keeps, String rowsWithBond, String darkBrightness) {
    }

    /** Settings set the bond up from plain interfaces. */
    public record FirstSettings(String ports, String first, long upMs, long firstMs) {
    }

    /** The status window through a cut and a restore. */
    public record Status(int rows, String newest, String second, String address, String gateway, String network,
            int samples, String cards, String darkBrightness) {
    }

    /** Settings: a change kept at the countdown, one the helper rolls back. */
    public record Countdown(String countdown, long deadlineS, String keep, long deadlineAfterKeep, String badCountdown,
            String rolledBack, long rolledBackMs, String addressingAfter, String darkBrightness) {
    }

    /** The tray's three windows, each opened from its menu. */
    public record Windows(Picker picker, FirstSettings settings, Keeps keeps, Status status, Countdown countdown,
            int disableExit, long backOnLanMs) {
    }

    /** Two Wi-Fi adapters and no wire; first a setup refused because one knows no network. */
    public record TwoWifi(String second, Said refused, boolean bondExistsAfterRefused, Said setup, long upMs,
            String activeBefore, String apTakenAway, long switchMs, String diagnosis, Window window, Tcp tcp,
            String activeAfter, String stateAfter, String addressAfter, long backMs, int disableExit) {
    }
}
