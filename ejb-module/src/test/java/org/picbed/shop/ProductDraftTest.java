package org.picbed.shop;

import org.junit.jupiter.api.Test;
import org.picbed.error.PicbedException;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductDraftTest {

    @Test
    void pricesAreExactCents() {
        assertEquals(1250, ProductDraft.of("Mug", "", "12.5", "eur").priceCents());
        assertEquals(1299, ProductDraft.of("Mug", "", " 12.99 ", "EUR").priceCents());
        assertEquals(0, ProductDraft.of("Free", "", "0", null).priceCents());
        assertEquals("EUR", ProductDraft.of("Mug", "", "1", " ").currency(), "EUR when none is given");
        assertEquals("USD", ProductDraft.of("Mug", "", "1", "usd").currency());
    }

    @Test
    void badFieldsAreNamed() {
        assertEquals("invalid_product", assertThrows(PicbedException.class, () -> ProductDraft.of("Mug", "", "1.999", "EUR")).code());
        assertTrue(assertThrows(PicbedException.class, () -> ProductDraft.of("Mug", "", "abc", "EUR")).publicMessage().startsWith("price"));
        assertTrue(assertThrows(PicbedException.class, () -> ProductDraft.of("Mug", "", "-1", "EUR")).publicMessage().startsWith("price"));
        assertTrue(assertThrows(PicbedException.class, () -> ProductDraft.of("  ", "", "1", "EUR")).publicMessage().startsWith("name"));
        assertTrue(assertThrows(PicbedException.class, () -> ProductDraft.of("a\u0000b", "", "1", "EUR")).publicMessage().startsWith("name"));
        assertTrue(assertThrows(PicbedException.class, () -> ProductDraft.of("Mug", "", "1", "XXQ")).publicMessage().startsWith("currency"));
        assertEquals(400, assertThrows(PicbedException.class, () -> ProductDraft.of("Mug", "x".repeat(10_001), "1", "EUR")).status());
    }

    @Test
    void slugsAreReadableUniqueAndSafe() {
        assertEquals("blue-mug-large", Slugs.of("Blue Mug (large)"));
        assertEquals("creme-brulee-set", Slugs.of("Crème brûlée set"));
        assertEquals("product", Slugs.of("茶杯"));
        assertEquals("mug-3", Slugs.unique("mug", Set.of("mug", "mug-2")::contains));
        assertTrue(Slugs.of("x".repeat(300)).length() <= Slugs.MAX_LENGTH - 6, "room for a counter");
        assertTrue(Slugs.isValid("blue-mug-2"));
        assertFalse(Slugs.isValid("../etc"));
        assertFalse(Slugs.isValid("Blue"));
    }
}
