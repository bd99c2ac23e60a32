package org.picbed.auth;

import java.time.Instant;

/**
 * A verified upload token: its id (what its use is counted under), the fingerprint of the API key that signed it
 * (the uploader its images are recorded for), when it expires, and its scope.
 */
public record UploadToken(String id, String keyFingerprint, Instant expiresAt, UploadScope scope) {

    /** Who the token uploads as: the key that issued it. */
    public Uploader uploader() {
        return new Uploader(keyFingerprint);
    }
}
