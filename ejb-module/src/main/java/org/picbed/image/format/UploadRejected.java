package org.picbed.image.format;

import org.picbed.error.PicbedException;

/** Why an upload is refused; its status follows the status policy (400, 413, 415, 422). */
public class UploadRejected extends PicbedException {

    public UploadRejected(int status, String code, String detail) {
        super(status, code, detail);
    }

    public static UploadRejected empty() {
        return new UploadRejected(400, "empty_file", "the file is empty");
    }

    public static UploadRejected badFilename(String detail) {
        return new UploadRejected(400, "invalid_filename", detail);
    }

    public static UploadRejected unsupportedFormat(String detail) {
        return new UploadRejected(415, "unsupported_format", detail);
    }

    public static UploadRejected unsupportedExtension(String ext) {
        return new UploadRejected(415, "unsupported_extension", "files named '." + ext + "' are not accepted; use an image extension");
    }

    public static UploadRejected fileTooLarge(long maxBytes) {
        return new UploadRejected(413, "file_too_large", "the file is larger than " + maxBytes + " bytes");
    }

    public static UploadRejected tooLarge(String code, String detail) {
        return new UploadRejected(422, code, detail);
    }

    public static UploadRejected undecodable(String detail) {
        return new UploadRejected(422, "undecodable", detail);
    }
}
