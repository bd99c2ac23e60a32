package org.picbed.batch;

/** The port to the batch stages' queues; sends join the caller's transaction. */
public interface BatchQueue {

    /** JMS priorities: high tasks are delivered before any waiting low ones. */
    int HIGH = 8;
    int LOW = 2;

    void fetch(long taskId, int priority);

    void process(long taskId, int priority);

    void callback(String groupId);
}
