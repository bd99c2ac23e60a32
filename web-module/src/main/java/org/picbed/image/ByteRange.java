package org.picbed.image;

/** One byte range of an HTTP Range header (RFC 9110); several ranges are answered with the whole content. */
record ByteRange(long start, long end) {

    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    long length() {
        return end - start + 1;
    }

    /** The range to serve, {@code null} for the whole content, or {@link #UNSATISFIABLE}. */
    static ByteRange parse(String header, long size, String ifRange, String etag) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        if (ifRange != null && !ifRange.trim().equals(etag)) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                if (last.isEmpty()) {
                    return null;
                }
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    return UNSATISFIABLE;
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size) {
                return UNSATISFIABLE;
            }
            if (end < start) {
                return null;
            }
            return new ByteRange(start, end);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
