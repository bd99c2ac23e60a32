package org.picbed.auth;

import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an upload token allows: at most {@code maxFiles} files over its life, each at most {@code maxBytes}, only in
 * these {@code formats}, and (when {@code singleUse}) in one request only.
 */
public record UploadScope(int maxFiles, long maxBytes, Set<ImageFormat> formats, boolean singleUse) {

    public static final int DEFAULT_MAX_FILES = 20;
    public static final int MAX_FILES = 10_000;

    public UploadScope {
        formats = Set.copyOf(formats);
    }

    /**
     * The scope a caller asked for, {@code null} meaning "the default": 20 files (1 to 10000), the server's per-file
     * limit (which a token may lower, never raise), every accepted format (names as {@link ImageFormat#key()}), not
     * single-use. 400 {@code invalid_request} for anything else.
     */
    public static UploadScope of(Integer maxFiles, Long maxBytes, List<String> formats, Boolean singleUse, long serverMaxBytes) {
        int files = maxFiles == null ? DEFAULT_MAX_FILES : maxFiles;
        if (files < 1 || files > MAX_FILES) {
            throw invalid("max_files is a whole number, 1 to " + MAX_FILES);
        }
        long bytes = maxBytes == null ? serverMaxBytes : maxBytes;
        if (bytes < 1 || bytes > serverMaxBytes) {
            throw invalid("max_bytes is a whole number of bytes per file, 1 to " + serverMaxBytes + " (this server's limit)");
        }
        Set<ImageFormat> allowed = EnumSet.allOf(ImageFormat.class);
        if (formats != null) {
            if (formats.isEmpty()) {
                throw invalid("formats lists at least one of " + keys());
            }
            allowed = EnumSet.noneOf(ImageFormat.class);
            for (String name : formats) {
                allowed.add(ImageFormat.fromKey(name).orElseThrow(() -> invalid("formats are among " + keys())));
            }
        }
        return new UploadScope(files, bytes, allowed, singleUse != null && singleUse);
    }

    /** The format keys, in the enum's order. */
    public List<String> formatKeys() {
        return formats.stream().sorted().map(ImageFormat::key).toList();
    }

    static PicbedException invalid(String detail) {
        return new PicbedException(400, "invalid_request", detail);
    }

    private static String keys() {
        return Arrays.stream(ImageFormat.values()).map(ImageFormat::key).collect(Collectors.joining(", "));
    }
}
