package org.picbed.messaging;

/** JNDI names of picbed's queues and topics: the one place in this module that spells them. */
public final class Destinations {

    public static final String THUMBNAILS = "java:/jms/picbed/thumbnails";
    public static final String BULK = "java:/jms/picbed/bulk";
    public static final String FETCH = "java:/jms/picbed/fetch";
    public static final String PROCESS = "java:/jms/picbed/process";
    public static final String REPLICATION = "java:/jms/picbed/replication";
    public static final String CALLBACKS = "java:/jms/picbed/callbacks";
    public static final String HEARTBEAT = "java:/jms/picbed/heartbeat";
    public static final String PURGE_TOPIC = "java:/jms/picbed/purge";

    /** The queue of messages for a peer site, forwarded by a core bridge (see server-config sites.sh). */
    public static String outbound(String peer) {
        return "java:/jms/picbed/outbound/" + peer;
    }

    /** Plain (non-XA) connection factory for probes that must not join a transaction. */
    public static final String PLAIN_CONNECTION_FACTORY = "java:/ConnectionFactory";

    private Destinations() {
    }
}
