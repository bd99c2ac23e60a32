package org.picbed.messaging;

/**
 * picbed's queues and topics by their JMS names (created from a context with {@code createQueue}/{@code createTopic},
 * and named by the MDBs' {@code destination} activation property): no JNDI names, so the same code runs on WildFly's
 * embedded broker (server-config/src/main/cli/20-messaging.cli) and on a standalone Artemis broker under Payara
 * (server-config/src/main/payara/broker.xml). The one place in this module that spells them.
 */
public final class Destinations {

    public static final String THUMBNAILS = "picbed.thumbnails";
    public static final String BULK = "picbed.bulk";
    public static final String FETCH = "picbed.fetch";
    public static final String PROCESS = "picbed.process";
    public static final String REPLICATION = "picbed.replication";
    public static final String CALLBACKS = "picbed.callbacks";
    public static final String HEARTBEAT = "picbed.heartbeat";
    public static final String PURGE_TOPIC = "picbed.purge";

    /** Where a queue's messages go after their last failed delivery. */
    public static String deadLetters(String queue) {
        return queue + ".dlq";
    }

    /**
     * JNDI name of the queue of messages for a peer site, forwarded by a core bridge. Sites are configured on WildFly
     * only (server-config sites.sh); docs/install.md says what Payara would need.
     */
    public static String outbound(String peer) {
        return "java:/jms/picbed/outbound/" + peer;
    }

    private Destinations() {
    }
}
