package org.picbed.auth;

/** A caller of the write API, known by a fingerprint of its key (never the key itself). */
public record Uploader(String fingerprint) {

    public static final Uploader ANONYMOUS = new Uploader("anonymous");
}
