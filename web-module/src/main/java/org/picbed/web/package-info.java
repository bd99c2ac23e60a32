/** The HTTP edge shared by every domain: the API root and the one problem+json error mapper. */
package org.picbed.web;
