package org.picbed.variant.serve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionTest {

    @Test
    void admitsOnTheSecondServing() {
        Admission admission = new Admission(1 << 16, 2, 1 << 20);
        assertFalse(admission.served("a/rs:fit:300:0.jpg"));
        assertTrue(admission.served("a/rs:fit:300:0.jpg"));
        assertFalse(admission.served("b/rs:fit:300:0.jpg"), "another key has its own count");
    }

    @Test
    void countsAgeSoOldServingsAreForgotten() {
        Admission admission = new Admission(64, 2, 4);
        assertFalse(admission.served("x"));
        for (int i = 0; i < 3; i++) {
            admission.served("other-" + i);   // the 4th recording halves every count: x drops to 0
        }
        assertFalse(admission.served("x"), "one serving long ago and one now is not hot");
    }
}
