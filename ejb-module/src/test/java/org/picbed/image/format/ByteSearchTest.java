package org.picbed.image.format;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteSearchTest {

    @Test
    void findsTheFirstOccurrenceLikeAPlainLoop() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] a = new byte[random.nextInt(70)];
            random.nextBytes(a);
            byte value = (byte) (round % 3 == 0 ? 0xFF : round % 3 == 1 ? 0x0D : random.nextInt(256));
            int from = a.length == 0 ? 0 : random.nextInt(a.length);
            int to = from + (a.length - from == 0 ? 0 : random.nextInt(a.length - from + 1));
            assertEquals(plain(a, from, to, value), ByteSearch.indexOf(a, from, to, value), "round " + round);
        }
    }

    @Test
    void valuesNextToTheSearchedOneDoNotMatch() {
        byte[] a = {(byte) 0xFE, 0x7F, (byte) 0x80, 0x00, 0x01, (byte) 0xFE, (byte) 0xFE, (byte) 0xFE, (byte) 0xFE, (byte) 0xFF};
        assertEquals(9, ByteSearch.indexOf(a, 0, a.length, (byte) 0xFF));
        assertEquals(-1, ByteSearch.indexOf(a, 0, 9, (byte) 0xFF));
    }

    private static int plain(byte[] a, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (a[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
