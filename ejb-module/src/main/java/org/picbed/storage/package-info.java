/** Where image bytes live: the blob volume under picbed's data directory (shared by the nodes of a site). */
package org.picbed.storage;
