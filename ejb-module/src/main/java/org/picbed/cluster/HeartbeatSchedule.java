package org.picbed.cluster;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.time.Instant;

/** Every node publishes a heartbeat every 30 seconds (not persistent: a node that is down sends none). */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
public class HeartbeatSchedule {

    @Inject
    HeartbeatPublisher publisher;

    @Inject
    NodeIdentity node;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false, info = "picbed-heartbeat")
    void beat() {
        publisher.publish(new Heartbeat(node.nodeName(), Instant.now()));
    }
}
