/** The hot-image cache: rendered bytes kept in a replicated, memory-bounded Infinispan cache shared by a site's nodes. */
package org.picbed.cache;
