/** The image edges: uploads (streaming multipart or raw), originals by id, metadata and deletion. */
package org.picbed.image;
