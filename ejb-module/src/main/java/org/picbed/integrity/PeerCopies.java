package org.picbed.integrity;

import org.picbed.image.ImageId;

/** Port: bring a good copy of an image here from a peer site; false when no peer has one (or there are no peers). */
public interface PeerCopies {

    boolean fetch(ImageId id);
}
