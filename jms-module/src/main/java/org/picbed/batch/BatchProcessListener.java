package org.picbed.batch;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.picbed.deadletter.FailureWatch;
import org.picbed.messaging.Destinations;

/**
 * The process stage (and completion): applies a task's rules, stores the image, counts it in its group and, for
 * the group's last task, queues the callback. Concurrency per node: {@code PICBED_PROCESS_CONSUMERS} (default 2:
 * CPU-bound; a busy node sets fewer and takes less of the work). No consumer window: priorities hold.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.PROCESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
})
@Interceptors(FailureWatch.class)
public class BatchProcessListener implements MessageListener {

    @Inject
    BatchWork work;

    @Inject
    JmsBatchQueue queue;

    @Override
    public void onMessage(Message message) {
        queue.consume(message, work, BatchWork::process);
    }
}
