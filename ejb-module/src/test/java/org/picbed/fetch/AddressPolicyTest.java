package org.picbed.fetch;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressPolicyTest {

    private static InetAddress literal(String host) {
        return AddressPolicy.literal(host).orElseThrow();
    }

    @Test
    void everyNumericSpellingOfLoopbackIsLoopback() {
        for (String host : new String[] {"127.0.0.1", "127.1", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "2130706433",
                "017700000001", "127.000.000.001", "0x7F.1", "127.0.0.1."}) {
            assertEquals("127.0.0.1", literal(host).getHostAddress(), host);
        }
        assertEquals("0.0.0.0", literal("0").getHostAddress());
        assertEquals("169.254.169.254", literal("0xa9fea9fe").getHostAddress());
        assertTrue(AddressPolicy.literal("example.com").isEmpty(), "names go to DNS");
        assertTrue(AddressPolicy.literal("1e100.net").isEmpty());
        assertThrows(FetchRefused.class, () -> AddressPolicy.literal("1.2.3.4.5"));
        assertThrows(FetchRefused.class, () -> AddressPolicy.literal("256.1.1.1"));
        assertThrows(FetchRefused.class, () -> AddressPolicy.literal("08.1.1.1"), "8 is not an octal digit");
        assertThrows(FetchRefused.class, () -> AddressPolicy.literal("[not:an:address:zz]"));
    }

    @Test
    void privateAndSpecialRangesAreRefusedPublicOnesAllowed() {
        AddressPolicy policy = AddressPolicy.of("");
        for (String host : new String[] {"0.0.0.0", "127.0.0.1", "10.1.2.3", "100.64.0.1", "169.254.169.254", "172.16.0.1",
                "172.31.255.255", "192.168.1.1", "192.0.2.1", "198.18.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1",
                "255.255.255.255", "[::]", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]",
                "[64:ff9b::a9fe:a9fe]", "[2002:7f00:1::]", "[fc00::1]", "[fd00:ec2::254]", "[fe80::1]", "[fec0::1]",
                "[ff02::1]", "[2001:db8::1]"}) {
            assertFalse(policy.permits(literal(host), 80), host + " is refused");
        }
        for (String host : new String[] {"93.184.216.34", "8.8.8.8", "172.32.0.1", "[2606:4700:4700::1111]", "[2002:0808:0808::]"}) {
            assertTrue(policy.permits(literal(host), 443), host + " is public");
        }
    }

    @Test
    void theAllowListOpensANetworkOrOnePort() {
        AddressPolicy policy = AddressPolicy.of("127.0.0.1:8081, 10.20.0.0/16, [::1]:9000");
        assertTrue(policy.permits(literal("127.0.0.1"), 8081));
        assertFalse(policy.permits(literal("127.0.0.1"), 8082), "only the listed port");
        assertFalse(policy.permits(literal("127.0.0.2"), 8081));
        assertTrue(policy.permits(literal("10.20.3.4"), 80));
        assertFalse(policy.permits(literal("10.21.0.1"), 80));
        assertTrue(policy.permits(literal("[::1]"), 9000));
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.of("localhost"));
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.of("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.of("127.0.0.1:0"));
    }
}
