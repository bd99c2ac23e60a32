package org.picbed.variant.render;

/**
 * A source that cannot be rendered. {@link #reason()} is a short machine code ({@code undecodable},
 * {@code unsupported}, {@code too_large}, {@code encode_failed}); the message is for logs and never names a path.
 */
public class RenderException extends Exception {

    public static final String UNDECODABLE = "undecodable";
    public static final String UNSUPPORTED = "unsupported";
    public static final String TOO_LARGE = "too_large";
    public static final String ENCODE_FAILED = "encode_failed";

    private final String reason;

    public RenderException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RenderException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    static RenderException undecodable(String message, Throwable cause) {
        return new RenderException(UNDECODABLE, message, cause);
    }
}
