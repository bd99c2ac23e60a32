package org.picbed.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.Transactional;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.Probes;

/** UP when the broker accepts a connection and the heartbeat queue can be browsed. */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class MessagingHealthCheck implements HealthCheck {

    @Inject
    Probes probes;

    @Override
    public String component() {
        return "jms";
    }

    @Override
    public ComponentHealth check() throws Exception {
        try (JMSContext context = probes.open();
             QueueBrowser browser = context.createBrowser(context.createQueue(Destinations.HEARTBEAT))) {
            browser.getEnumeration().hasMoreElements();
            return ComponentHealth.up();
        }
    }
}
