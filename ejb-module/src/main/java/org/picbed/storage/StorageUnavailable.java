package org.picbed.storage;

import org.picbed.error.PicbedException;

import java.util.OptionalLong;

/** 503: the blob store (an object store that is down, slow or refusing) cannot take or give bytes right now. */
public class StorageUnavailable extends PicbedException {

    static final long RETRY_AFTER_SECONDS = 5;

    public StorageUnavailable(String internalMessage, Throwable cause) {
        super(503, "storage_unavailable", "picbed cannot reach its image storage right now; retry later", internalMessage, cause);
    }

    /** Why, in a few words fit for a health answer (the failure's kind, no addresses): e.g. ConnectException. */
    public String reason() {
        Throwable root = this;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind = root == this ? "failed" : root.getClass().getSimpleName();
        if (root instanceof software.amazon.awssdk.services.s3.model.S3Exception s3) {
            kind = s3.statusCode() + " " + (s3.awsErrorDetails() != null ? s3.awsErrorDetails().errorCode() : "");
        }
        return kind.trim();
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(RETRY_AFTER_SECONDS);
    }
}
