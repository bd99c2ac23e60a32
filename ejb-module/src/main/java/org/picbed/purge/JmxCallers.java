package org.picbed.purge;

import java.util.Optional;

/**
 * Port: who is calling the purge MBean, on the JMX connector's thread (the audit names them as {@code jmx:<user>}).
 * Each server tells it its own way; the adapters live in org.picbed.platform.
 */
public interface JmxCallers {

    /** The authenticated JMX user of the current call, if the server tells. */
    Optional<String> current();
}
