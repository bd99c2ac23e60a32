/** Images: stored once per content (SHA-256), with every upload of them and the tombstones of deleted ones. */
package org.picbed.image;
