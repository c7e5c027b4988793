package org.bondtray.helper.kernel;

/** rtnetlink numbers from the kernel's uapi headers (linux/rtnetlink.h, if_link.h, if_addr.h). */
final class Rt {
    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;

    static final int RTMGRP_LINK = 0x1;
    static final int RTMGRP_IPV4_IFADDR = 0x10;
    static final int RTMGRP_IPV4_ROUTE = 0x40;
    static final int RTMGRP_IPV6_IFADDR = 0x100;
    static final int RTMGRP_IPV6_ROUTE = 0x400;

    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MASTER = 10;
    static final int IFLA_OPERSTATE = 16;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_CARRIER = 33;
    static final int IFLA_PERM_ADDRESS = 54;

    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int IFLA_INFO_SLAVE_KIND = 4;
    static final int IFLA_INFO_SLAVE_DATA = 5;

    static final int IFLA_BOND_MODE = 1;
    static final int IFLA_BOND_ACTIVE_SLAVE = 2;
    static final int IFLA_BOND_MIIMON = 3;
    static final int IFLA_BOND_UPDELAY = 4;
    static final int IFLA_BOND_DOWNDELAY = 5;
    static final int IFLA_BOND_PRIMARY = 11;
    static final int IFLA_BOND_PRIMARY_RESELECT = 12;
    static final int IFLA_BOND_FAIL_OVER_MAC = 13;
    static final int IFLA_BOND_NUM_PEER_NOTIF = 16;
    static final int IFLA_BOND_ALL_SLAVES_ACTIVE = 17;

    static final int IFLA_BOND_SLAVE_STATE = 1;
    static final int IFLA_BOND_SLAVE_MII_STATUS = 2;
    static final int IFLA_BOND_SLAVE_LINK_FAILURE_COUNT = 3;
    static final int IFLA_BOND_SLAVE_PERM_HWADDR = 4;

    static final int BOND_MODE_ACTIVE_BACKUP = 1;
    static final int BOND_FOM_ACTIVE = 1;

    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RT_TABLE_MAIN = 254;
    static final int RTPROT_STATIC = 4;
    static final int RTPROT_RA = 9;
    static final int RTPROT_DHCP = 16;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RTN_UNICAST = 1;
    static final int NLM_F_REPLACE = 0x100;

    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    private Rt() {
    }
}
