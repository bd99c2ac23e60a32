package org.picbed.cluster;

/** Port: sends a heartbeat to the broker inside the caller's transaction (implemented in jms-module). */
public interface HeartbeatPublisher {

    void publish(Heartbeat heartbeat);
}
