/** The storefront's catalogue: products and the ordered pictures of each, pointing at stored images. */
package org.picbed.shop;
