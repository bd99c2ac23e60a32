package org.picbed.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * Connections for looking at queues (health, gauges, backlog, the bulk drain's peek) rather than for sending in a
 * transaction. They come from the platform's default JMS connection factory, which both servers point at Artemis
 * (WildFly: its pooled factory; Payara: the Artemis resource adapter's pool); callers run without a transaction
 * ({@code NOT_SUPPORTED}) so a probe never joins one.
 */
@ApplicationScoped
public class Probes {

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory connectionFactory;

    /** A non-transacted context; close it after use. */
    public JMSContext open() {
        return connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }
}
