package org.picbed.variant.render;

import org.picbed.client.spec.VariantSpec;

/** One named stage of the pipeline between decoding and encoding. */
interface RenderStep {

    String name();

    /** The frame after this step; the same frame when the spec asks nothing of this step. */
    Frame apply(Frame f, VariantSpec spec, RenderContext ctx) throws RenderException;
}
