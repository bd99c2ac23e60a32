/**
 * The storefront: products with ordered pictures. A picture names a stored image by content id, so replacing it
 * gives the page a new URL while the old one keeps serving the old bytes (no cache can show a stale picture).
 */
package org.picbed.shop;
