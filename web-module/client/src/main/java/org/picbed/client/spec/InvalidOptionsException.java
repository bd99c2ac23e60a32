package org.picbed.client.spec;

/**
 * Processing options picbed would refuse, with the problem code its server answers (HTTP 400):
 * {@code invalid_option}, {@code unknown_preset} or {@code variant_too_large}.
 */
public class InvalidOptionsException extends IllegalArgumentException {

    private final String code;

    public InvalidOptionsException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
