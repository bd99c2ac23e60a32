package org.picbed.image;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** An image's id: the lowercase hex SHA-256 of its exact bytes. */
public record ImageId(String hex) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ImageId {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("an image id is 64 lowercase hex characters");
        }
    }

    public static Optional<ImageId> parse(String text) {
        return text != null && HEX64.matcher(text).matches() ? Optional.of(new ImageId(text)) : Optional.empty();
    }

    public static ImageId ofDigest(byte[] sha256) {
        return new ImageId(HexFormat.of().formatHex(sha256));
    }

    @Override
    public String toString() {
        return hex;
    }

    /** An id column ({@code CHAR(64)}) as an {@code ImageId} attribute. */
    @Converter
    public static class Column implements AttributeConverter<ImageId, String> {
        @Override
        public String convertToDatabaseColumn(ImageId id) {
            return id == null ? null : id.hex();
        }

        @Override
        public ImageId convertToEntityAttribute(String hex) {
            return hex == null ? null : new ImageId(hex);
        }
    }
}
