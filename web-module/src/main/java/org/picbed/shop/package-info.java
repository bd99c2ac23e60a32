/**
 * The storefront at {@code /shop}: product grid, product pages with galleries, and the admin pages behind a
 * Jakarta Security login with the operator's credentials.
 */
package org.picbed.shop;
