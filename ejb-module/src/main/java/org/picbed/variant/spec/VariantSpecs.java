package org.picbed.variant.spec;

import org.picbed.client.spec.InvalidOptionsException;
import org.picbed.client.spec.VariantOptions;
import org.picbed.client.spec.VariantSpec;
import org.picbed.error.PicbedException;

/** The client library's option grammar with the server's error model: refused options are a 400 problem. */
public final class VariantSpecs {

    private VariantSpecs() {
    }

    /**
     * @throws PicbedException 400 {@code invalid_option}, {@code unknown_preset} or {@code variant_too_large}
     */
    public static VariantSpec parse(VariantOptions options, String text) {
        try {
            return options.parse(text);
        } catch (InvalidOptionsException e) {
            throw refused(e);
        }
    }

    public static PicbedException refused(InvalidOptionsException e) {
        return new PicbedException(400, e.code(), e.getMessage());
    }
}
