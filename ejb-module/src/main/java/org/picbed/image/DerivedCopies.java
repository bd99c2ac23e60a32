package org.picbed.image;

import java.io.IOException;

/** Port: copies made from an image's bytes (its rendered variants); they go when the image's bytes go. */
public interface DerivedCopies {

    /** Deletes every copy made from {@code image}; returns how many there were. */
    int deleteAll(ImageId image) throws IOException;
}
