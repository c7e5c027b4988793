package org.bondtray.helper.kernel;

import java.nio.ByteBuffer;

/**
 * One network link as rtnetlink describes it (RTM_NEWLINK): the facts the helper decides on.
 * {@code bond} is set for a bond master, {@code port} for a link enslaved to a bond.
 *
 * @param master index of the bond this link is enslaved to, 0 if none
 * @param permanentMac the burnt-in MAC (IFLA_PERM_ADDRESS), which survives fail_over_mac changes
 */
public record Link(int index, String name, int arpType, int flags, boolean carrier, String operState, String mac,
                   String permanentMac, int master, String kind, BondInfo bond, PortInfo port) {

    static final int IFF_UP = 0x1;
    public static final int ARPHRD_ETHER = 1;
    static final int IFF_LOWER_UP = 0x10000;

    public boolean up() {
        return (flags & IFF_UP) != 0;
    }

    public boolean isBond() {
        return "bond".equals(kind);
    }

    /** The bond's own settings, from IFLA_LINKINFO / IFLA_INFO_DATA. */
    public record BondInfo(int mode, int activePortIndex, int primaryIndex, int miimon, int updelay,
                           int downdelay, int failOverMac, int peerNotifications, boolean allPortsDeliver) {
    }

    /** A port's view of its bond, from IFLA_INFO_SLAVE_DATA. */
    public record PortInfo(boolean active, boolean miiUp, int linkFailures, String permanentMac) {
    }

    private static final String[] OPER_STATES = {"unknown", "notpresent", "down", "lowerlayerdown", "testing",
            "dormant", "up"};

    /** Decodes an RTM_NEWLINK message (a buffer positioned on its netlink header). */
    static Link parse(ByteBuffer m) {
        int arpType = Short.toUnsignedInt(m.getShort(NlMessage.HEADER + 2));
        int index = m.getInt(NlMessage.HEADER + 4);
        int flags = m.getInt(NlMessage.HEADER + 8);
        NlAttrs a = new NlAttrs(m, NlMessage.HEADER + 16, m.limit());
        Integer oper = a.u8(Rt.IFLA_OPERSTATE);
        Integer carrier = a.u8(Rt.IFLA_CARRIER);
        Integer master = a.u32(Rt.IFLA_MASTER);
        NlAttrs info = a.nested(Rt.IFLA_LINKINFO);
        String kind = info.string(Rt.IFLA_INFO_KIND);
        BondInfo bond = null;
        if ("bond".equals(kind)) {
            NlAttrs d = info.nested(Rt.IFLA_INFO_DATA);
            bond = new BondInfo(or0(d.u8(Rt.IFLA_BOND_MODE)), or0(d.u32(Rt.IFLA_BOND_ACTIVE_SLAVE)),
                    or0(d.u32(Rt.IFLA_BOND_PRIMARY)), or0(d.u32(Rt.IFLA_BOND_MIIMON)),
                    or0(d.u32(Rt.IFLA_BOND_UPDELAY)), or0(d.u32(Rt.IFLA_BOND_DOWNDELAY)),
                    or0(d.u8(Rt.IFLA_BOND_FAIL_OVER_MAC)), or0(d.u8(Rt.IFLA_BOND_NUM_PEER_NOTIF)),
                    or0(d.u8(Rt.IFLA_BOND_ALL_SLAVES_ACTIVE)) != 0);
        }
        PortInfo port = null;
        if ("bond".equals(info.string(Rt.IFLA_INFO_SLAVE_KIND))) {
            NlAttrs s = info.nested(Rt.IFLA_INFO_SLAVE_DATA);
            port = new PortInfo(or0(s.u8(Rt.IFLA_BOND_SLAVE_STATE)) == 0, or0(s.u8(Rt.IFLA_BOND_SLAVE_MII_STATUS)) == 0,
                    or0(s.u32(Rt.IFLA_BOND_SLAVE_LINK_FAILURE_COUNT)), s.mac(Rt.IFLA_BOND_SLAVE_PERM_HWADDR));
        }
        String perm = a.mac(Rt.IFLA_PERM_ADDRESS);
        if (perm == null && port != null) {
            perm = port.permanentMac();
        }
        return new Link(index, a.string(Rt.IFLA_IFNAME), arpType, flags,
                carrier != null ? carrier == 1 : (flags & IFF_LOWER_UP) != 0,
                oper == null || oper >= OPER_STATES.length ? "unknown" : OPER_STATES[oper],
                a.mac(Rt.IFLA_ADDRESS), perm, master == null ? 0 : master, kind, bond, port);
    }

    private static int or0(Integer v) {
        return v == null ? 0 : v;
    }
}
