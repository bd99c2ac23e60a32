package org.picbed.image;

import org.junit.jupiter.api.Test;
import org.picbed.image.format.UploadRejected;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DisplayNamesTest {

    @Test
    void pathTraversalKeepsOnlyTheLastSegment() {
        assertEquals(Optional.of("passwd.jpg"), DisplayNames.of("../../etc/passwd.jpg"));
        assertEquals(Optional.of("x.png"), DisplayNames.of("C:\\Users\\me\\x.png"));
    }

    @Test
    void unicodeNamesRoundTripInNfc() {
        assertEquals(Optional.of("caf\u00e9 \u65e5\u672c \u0444\u043e\u0442\u043e.jpg"), DisplayNames.of("caf\u00e9 \u65e5\u672c \u0444\u043e\u0442\u043e.jpg"));
        assertEquals(Optional.of("caf\u00e9.jpg"), DisplayNames.of("cafe\u0301.jpg"));
    }

    @Test
    void bidiControlsAreRemovedAndControlCharactersRejected() {
        assertEquals(Optional.of("abcgpj.png"), DisplayNames.of("abc\u202Egpj.png"));
        UploadRejected e = assertThrows(UploadRejected.class, () -> DisplayNames.of("a\u0000b.jpg"));
        assertEquals(400, e.status());
        assertThrows(UploadRejected.class, () -> DisplayNames.of("a\nb.jpg"));
    }

    @Test
    void executableOrUnknownExtensionIsRefused() {
        assertEquals(415, assertThrows(UploadRejected.class, () -> DisplayNames.of("shell.php")).status());
        assertEquals(415, assertThrows(UploadRejected.class, () -> DisplayNames.of("x.jpg.exe")).status());
        assertEquals(Optional.of("photo"), DisplayNames.of("photo"));
        assertEquals(Optional.of("IMG.JPEG"), DisplayNames.of("IMG.JPEG"));
    }

    @Test
    void lengthIsBoundedKeepingTheExtension() {
        String name = DisplayNames.of("a".repeat(400) + ".jpg").orElseThrow();
        assertEquals(255, name.length());
        assertEquals(".jpg", name.substring(251));
        assertEquals(Optional.empty(), DisplayNames.of("  "));
    }
}
