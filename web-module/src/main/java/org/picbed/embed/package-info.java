/**
 * Embedding picbed images in pages: the {@code <picbed:img>} tag (responsive, sized, lazily loaded) and EL
 * functions for bare URLs, from any JSP. Images come from {@code PICBED_PUBLIC_URL} when set (an image domain or
 * CDN), else from this server.
 */
package org.picbed.embed;
