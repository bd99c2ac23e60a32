package org.picbed.shop;

import org.picbed.error.PicbedException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * What an admin types for a product: name, description, price (a decimal in the currency's units) and currency
 * (ISO 4217). Validated on construction: 400 {@code invalid_product} says which field is wrong.
 */
public record ProductDraft(String name, String description, long priceCents, String currency) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 10_000;

    public ProductDraft {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        currency = currency == null || currency.isBlank() ? "EUR" : currency.strip().toUpperCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > MAX_NAME || hasControl(name)) {
            throw invalid("name: 1 to " + MAX_NAME + " characters, no control characters");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw invalid("description: at most " + MAX_DESCRIPTION + " characters");
        }
        if (priceCents < 0 || priceCents > 100_000_000_00L) {
            throw invalid("price: from 0 to 100000000");
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw invalid("currency: an ISO 4217 code such as EUR or USD");
        }
    }

    /** @param price a decimal such as {@code 12.5} or {@code 12.50}; at most two decimals */
    public static ProductDraft of(String name, String description, String price, String currency) {
        return new ProductDraft(name, description, cents(price), currency);
    }

    static long cents(String price) {
        if (price == null || price.isBlank()) {
            throw invalid("price: a number such as 12.50");
        }
        try {
            BigDecimal value = new BigDecimal(price.strip());
            if (value.scale() > 2) {
                throw invalid("price: at most two decimals");
            }
            return value.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid("price: a number such as 12.50");
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    static PicbedException invalid(String detail) {
        return new PicbedException(400, "invalid_product", detail);
    }
}
