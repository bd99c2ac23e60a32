package org.picbed.web;

import org.picbed.error.PicbedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A small text body or form field (JSON, a token), read whole as UTF-8 up to a limit. */
public final class RequestText {

    private RequestText() {
    }

    /** @throws PicbedException {@code status}/{@code code}/{@code detail} when the text is longer than {@code max} bytes */
    public static String read(InputStream in, int max, int status, String code, String detail) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new PicbedException(status, code, detail);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
