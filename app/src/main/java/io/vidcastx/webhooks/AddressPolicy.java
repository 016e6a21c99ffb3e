package io.vidcastx.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The SSRF guard's rule: which addresses a delivery may connect to. Public unicast addresses always;
 * private, loopback, link-local, carrier-grade NAT, reserved and documentation ranges only when
 * private networks are allowed or the address lies in an allowed range.
 */
final class AddressPolicy {

    private static final List<NetworkRange> NOT_PUBLIC = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32",
            // Local-use NAT64 (RFC 8215): the IPv4 address it carries is wherever the operator chose.
            "64:ff9b:1::/48")
            .stream().map(NetworkRange::parse).toList();
    /** IPv6 forms that carry an IPv4 address: NAT64 and the deprecated IPv4-compatible form. */
    private static final NetworkRange NAT64 = NetworkRange.parse("64:ff9b::/96");
    private static final NetworkRange IPV4_COMPATIBLE = NetworkRange.parse("::/96");

    private final boolean allowPrivateNetworks;
    private final List<NetworkRange> allowed;

    AddressPolicy(boolean allowPrivateNetworks, List<String> allowedNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.allowed = allowedNetworks.stream().map(NetworkRange::parse).toList();
    }

    boolean permits(InetAddress address) {
        return allowPrivateNetworks || isPublic(address) || allowed.stream().anyMatch(range -> range.contains(address));
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address && (NAT64.contains(address) || IPV4_COMPATIBLE.contains(address)
                || isIpv4Mapped(address)) && !address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
            return isPublic(embeddedIpv4(address));
        }
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || NOT_PUBLIC.stream().anyMatch(range -> range.contains(address)));
    }

    /**
     * {@code ::ffff:a.b.c.d}. The JDK's resolver hands AAAA answers over as Inet6Address without
     * converting mapped ones to IPv4, and the kernel then connects to the IPv4 address inside, so a DNS
     * answer of {@code ::ffff:169.254.169.254} must be judged by that address.
     */
    private static boolean isIpv4Mapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static InetAddress embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
