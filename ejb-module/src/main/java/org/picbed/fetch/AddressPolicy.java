package org.picbed.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a fetch may connect to. Refused unless allow-listed: unspecified ({@code 0.0.0.0/8},
 * {@code ::}), loopback, private (RFC 1918), shared (CGNAT), link-local (including the cloud metadata address
 * {@code 169.254.169.254}), documentation, benchmarking, reserved, broadcast, multicast, IPv6 unique-local,
 * site-local and discard; IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6 addresses are judged by the IPv4
 * address inside. The allow-list ({@code PICBED_FETCH_ALLOW}: {@code 10.1.2.0/24}, {@code 127.0.0.1:8081},
 * {@code [::1]:9000}, comma-separated) permits a network, optionally on one port only.
 */
public final class AddressPolicy {

    private record Net(byte[] prefix, int bits, int port) {
        boolean contains(InetAddress address, int port) {
            byte[] a = address.getAddress();
            if (a.length != prefix.length || (this.port >= 0 && this.port != port)) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Net> FORBIDDEN_V4 = nets("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    private static final List<Net> FORBIDDEN_V6 = nets("::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7",
            "fe80::/10", "fec0::/10", "ff00::/8");

    private final List<Net> allowed;

    private AddressPolicy(List<Net> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /**
     * @param allowList comma-separated networks ({@code a.b.c.d/n}, {@code x::/n}) or addresses, each optionally
     *                  with {@code :port} ({@code [v6]:port} for IPv6)
     * @throws IllegalArgumentException naming the bad entry
     */
    public static AddressPolicy of(String allowList) {
        List<Net> allowed = new ArrayList<>();
        if (allowList != null) {
            for (String raw : allowList.split(",")) {
                String entry = raw.strip();
                if (!entry.isEmpty()) {
                    allowed.add(allowEntry(entry));
                }
            }
        }
        return new AddressPolicy(allowed);
    }

    /** Whether a connection to this address and port may be made. */
    public boolean permits(InetAddress address, int port) {
        for (Net net : allowed) {
            if (net.contains(address, port)) {
                return true;
            }
        }
        return !forbidden(address);
    }

    /** Whether the address is in a range no fetch goes to by default. */
    public static boolean forbidden(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        if (address instanceof Inet4Address) {
            return FORBIDDEN_V4.stream().anyMatch(n -> n.contains(address, -1)) || address.getHostAddress().equals("255.255.255.255");
        }
        Optional<InetAddress> inner = embeddedV4((Inet6Address) address);
        if (inner.isPresent()) {
            return forbidden(inner.get());
        }
        return FORBIDDEN_V6.stream().anyMatch(n -> n.contains(address, -1));
    }

    /** The IPv4 address an IPv6 address carries: mapped, compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
    static Optional<InetAddress> embeddedV4(Inet6Address address) {
        byte[] a = address.getAddress();
        boolean zero80 = true;
        for (int i = 0; i < 10; i++) {
            zero80 &= a[i] == 0;
        }
        try {
            if (zero80 && ((a[10] == (byte) 0xff && a[11] == (byte) 0xff) || (a[10] == 0 && a[11] == 0))) {
                return Optional.of(InetAddress.getByAddress(new byte[] {a[12], a[13], a[14], a[15]}));
            }
            boolean nat64 = a[0] == 0 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b;
            for (int i = 4; i < 12 && nat64; i++) {
                nat64 = a[i] == 0;
            }
            if (nat64) {
                return Optional.of(InetAddress.getByAddress(new byte[] {a[12], a[13], a[14], a[15]}));
            }
            if (a[0] == 0x20 && a[1] == 0x02) {
                return Optional.of(InetAddress.getByAddress(new byte[] {a[2], a[3], a[4], a[5]}));
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return Optional.empty();
    }

    /**
     * The address a URL host names literally, in every spelling URL parsers accept: IPv6 in brackets, IPv4 as
     * 1 to 4 parts each decimal, octal ({@code 0177}) or hex ({@code 0x7f}) ({@code 127.1}, {@code 2130706433},
     * {@code 0x7f000001}). Empty for a host name. A numeric host is never handed to DNS.
     *
     * @throws FetchRefused {@code source_invalid} for a host that looks numeric but is not an address
     */
    public static Optional<InetAddress> literal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        try {
            if (h.startsWith("[") && h.endsWith("]")) {
                String inside = h.substring(1, h.length() - 1);
                if (!inside.matches("[0-9a-f:.]+")) {
                    throw FetchRefused.invalid("not an IPv6 address: " + host);
                }
                return Optional.of(InetAddress.getByName(inside));
            }
            if (h.endsWith(".")) {
                h = h.substring(0, h.length() - 1);
            }
            if (!h.matches("[0-9a-fx.]+") || !Character.isDigit(h.charAt(0))) {
                return Optional.empty(); // a name
            }
            String[] parts = h.split("\\.", -1);
            if (parts.length > 4) {
                throw FetchRefused.invalid("not an IPv4 address: " + host);
            }
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = number(parts[i], host);
            }
            long value = 0;
            for (int i = 0; i < parts.length - 1; i++) {
                if (values[i] > 255) {
                    throw FetchRefused.invalid("not an IPv4 address: " + host);
                }
                value = value << 8 | values[i];
            }
            int rest = 8 * (4 - (parts.length - 1));
            if (values[parts.length - 1] >= (1L << rest)) {
                throw FetchRefused.invalid("not an IPv4 address: " + host);
            }
            value = value << rest | values[parts.length - 1];
            return Optional.of(InetAddress.getByAddress(new byte[] {
                    (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}));
        } catch (UnknownHostException e) {
            throw FetchRefused.invalid("not an address: " + host);
        }
    }

    private static long number(String part, String host) {
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw FetchRefused.invalid("not an IPv4 address: " + host);
        }
    }

    private static Net allowEntry(String entry) {
        String text = entry;
        int port = -1;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("PICBED_FETCH_ALLOW: bad entry " + entry);
            }
            if (close + 1 < text.length()) {
                port = port(text.substring(close + 1), entry);
            }
            text = text.substring(1, close);
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.contains(":")) {
            port = port(text.substring(text.indexOf(':')), entry);
            text = text.substring(0, text.indexOf(':'));
        }
        try {
            Net net = net(text);
            return new Net(net.prefix(), net.bits(), port);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("PICBED_FETCH_ALLOW: bad entry " + entry);
        }
    }

    private static int port(String text, String entry) {
        try {
            int port = Integer.parseInt(text.substring(1));
            if (!text.startsWith(":") || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PICBED_FETCH_ALLOW: bad port in " + entry);
        }
    }

    private static List<Net> nets(String... cidrs) {
        List<Net> list = new ArrayList<>();
        for (String cidr : cidrs) {
            list.add(net(cidr));
        }
        return list;
    }

    private static Net net(String cidr) {
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        try {
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException(cidr);
            }
            byte[] prefix = InetAddress.getByName(host).getAddress();
            int bits = slash < 0 ? prefix.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > prefix.length * 8) {
                throw new IllegalArgumentException(cidr);
            }
            return new Net(prefix, bits, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
