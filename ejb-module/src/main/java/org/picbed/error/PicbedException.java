package org.picbed.error;

import jakarta.ejb.ApplicationException;

import java.util.OptionalLong;

/**
 * A failure with a meaning for clients. The public message is what a client may read; the exception's own
 * message and cause stay in the server log. The web tier renders it as RFC 9457 problem+json.
 * <p>
 * An EJB application exception: it reaches the caller as itself (not wrapped in {@code EJBException}), the
 * container does not log it (a client's mistake is not a server error; the web tier logs a 5xx once, with the
 * request id it returns), and the transaction still rolls back, so a refused request leaves nothing behind.
 */
@ApplicationException(rollback = true)
public class PicbedException extends RuntimeException {

    private final int status;
    private final String code;
    private final String publicMessage;

    public PicbedException(int status, String code, String publicMessage, String internalMessage, Throwable cause) {
        super(internalMessage, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.code = code;
        this.publicMessage = publicMessage;
    }

    public PicbedException(int status, String code, String publicMessage) {
        this(status, code, publicMessage, publicMessage, null);
    }

    public int status() {
        return status;
    }

    /** Stable, machine-readable, snake_case. */
    public String code() {
        return code;
    }

    public String publicMessage() {
        return publicMessage;
    }

    /** How many seconds the client should wait before trying again, when this failure says (the answer's Retry-After). */
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.empty();
    }
}
