package org.picbed.batch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.picbed.messaging.Destinations;

/** Batch stage messages, sent in the caller's transaction; the task or group id is the whole message. */
@ApplicationScoped
public class JmsBatchQueue implements BatchQueue {

    static final String TASK = "task";
    static final String GROUP = "group";

    @Inject
    JMSContext context;

    @Resource(lookup = Destinations.FETCH)
    Queue fetch;

    @Resource(lookup = Destinations.PROCESS)
    Queue process;

    @Resource(lookup = Destinations.CALLBACKS)
    Queue callbacks;

    @Override
    public void fetch(long taskId, int priority) {
        send(fetch, taskId, priority);
    }

    @Override
    public void process(long taskId, int priority) {
        send(process, taskId, priority);
    }

    @Override
    public void callback(String groupId) {
        context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setProperty(GROUP, groupId).send(callbacks, groupId);
    }

    private void send(Queue queue, long taskId, int priority) {
        context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setPriority(priority)
                .setProperty(TASK, taskId).send(queue, Long.toString(taskId));
    }
}
