package org.picbed.variant;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.picbed.image.ImageMessages;
import org.picbed.messaging.Destinations;
import org.picbed.variant.background.VariantJobs;
import org.picbed.variant.store.VariantCatalog;

import java.util.List;

/** Re-render requests on the low-priority bulk() queue, one message per variant, in the caller's transaction. */
@ApplicationScoped
public class JmsVariantJobs implements VariantJobs {

    static final String IMAGE = ImageMessages.IMAGE;
    static final String FORMAT = ImageMessages.FORMAT;
    static final String SPEC = "spec";
    static final String PRESET = "preset";

    @Inject
    JMSContext context;

    @Override
    public void rerender(List<VariantCatalog.Requested> variants) {
        for (VariantCatalog.Requested r : variants) {
            context.createProducer().setProperty(ImageMessages.EVENT, "variant.rerender")
                    .setProperty(IMAGE, r.key().image().hex())
                    .setProperty(SPEC, r.key().spec().canonical())
                    .setProperty(FORMAT, r.key().format().key())
                    .setProperty(PRESET, r.preset())
                    .send(bulk(), r.key().key());
        }
    }

    private Queue bulk() {
        return context.createQueue(Destinations.BULK);
    }
}
