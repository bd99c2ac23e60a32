package org.picbed.variant.background;

import org.picbed.variant.store.VariantCatalog;

import java.util.List;

/**
 * Port: background render requests on the low-priority queue (re-renders, imports). Sent inside the caller's
 * transaction; implemented in jms-module.
 */
public interface VariantJobs {

    void rerender(List<VariantCatalog.Requested> variants);
}
