package org.picbed.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.picbed.messaging.Destinations;

/** UP when the broker accepts a connection and the heartbeat queue can be browsed. */
@ApplicationScoped
public class MessagingHealthCheck implements HealthCheck {

    @Resource(lookup = Destinations.PLAIN_CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.HEARTBEAT)
    Queue heartbeatQueue;

    @Override
    public String component() {
        return "jms";
    }

    @Override
    public ComponentHealth check() throws Exception {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = context.createBrowser(heartbeatQueue)) {
            browser.getEnumeration().hasMoreElements();
            return ComponentHealth.up();
        }
    }
}
