package org.picbed.purge;

/**
 * The operator's purge controls, registered as {@code org.picbed:type=Purge} in the platform MBean server, so
 * reachable through WildFly's management JMX connector ({@code service:jmx:remote+http://host:9990}, management
 * credentials). Each operation returns the purge id; {@link #status(String)} shows which sites applied it.
 */
public interface PurgeControlMBean {

    String purgeImage(String id);

    String purgeVariant(String id, String spec);

    String purgeAll();

    /** One line per site that has applied the purge ({@code site applied-at found variants hot}), or why not known. */
    String[] status(String purgeId);

    long getTotalPurges();

    /** The most recent purges, newest first: {@code id at by what}. */
    String[] getLastPurges();

    String getSite();
}
