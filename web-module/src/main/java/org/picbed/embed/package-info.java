/**
 * picbed's own pages and the taglib ({@code picbed-taglib}, the jar shops use): image sizes come from the
 * catalogue. Images come from {@code PICBED_PUBLIC_URL} when set (an image domain or CDN), else from this server.
 */
package org.picbed.embed;
