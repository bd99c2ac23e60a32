package org.picbed.client;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.Optional;

/**
 * picbed refused a request: its RFC 9457 problem+json answer ({@code status}, {@code code}, {@code detail}), e.g.
 * 415 {@code unsupported_format}, 401 {@code unauthorized}, 503 {@code busy} with a Retry-After.
 */
public class PicbedProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;
    private final String requestId;
    private final Duration retryAfter;

    public PicbedProblemException(int status, String code, String detail, String requestId, Duration retryAfter) {
        super(status + " " + code + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    /** From a problem+json body; an answer that is not one keeps its status and {@code code} "http_<status>". */
    static PicbedProblemException of(int status, JsonObject problem, Duration retryAfter) {
        if (problem == null) {
            return new PicbedProblemException(status, "http_" + status, "picbed answered " + status, null, retryAfter);
        }
        return new PicbedProblemException(status, problem.getString("code", "http_" + status),
                problem.getString("detail", problem.getString("title", "")), problem.getString("requestId", null), retryAfter);
    }

    public int status() {
        return status;
    }

    /** The machine-readable reason, e.g. {@code file_too_large}. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** The id picbed logged a server error under (5xx), if it gave one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** How long picbed asked to wait before trying again (503, 429), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
