package org.picbed.fetch;

import org.picbed.error.PicbedException;

/** Why a source URL was not fetched, with a stable machine code. */
public class FetchRefused extends PicbedException {

    public FetchRefused(int status, String code, String detail) {
        super(status, code, detail);
    }

    public static FetchRefused notAllowed(String detail) {
        return new FetchRefused(422, "source_not_allowed", detail);
    }

    public static FetchRefused invalid(String detail) {
        return new FetchRefused(400, "source_invalid", detail);
    }

    public static FetchRefused unreachable(String detail) {
        return new FetchRefused(422, "source_unreachable", detail);
    }

    public static FetchRefused timeout(String detail) {
        return new FetchRefused(422, "source_timeout", detail);
    }

    public static FetchRefused tooLarge(long max) {
        return new FetchRefused(422, "source_too_large", "the source is larger than " + max + " bytes");
    }

    public static FetchRefused status(int status) {
        return new FetchRefused(422, "source_status", "the source answered HTTP " + status);
    }

    public static FetchRefused tooManyRedirects(int max) {
        return new FetchRefused(422, "source_redirects", "the source redirected more than " + max + " times");
    }
}
