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
 * The fetch stage: downloads a task's source (safely) to staging, then hands it to processing. Concurrency per
 * node: {@code PICBED_FETCH_CONSUMERS} (default 4; fetches mostly wait on the network). No consumer window, so
 * the broker hands each free consumer the highest-priority message waiting.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.FETCH),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
})
@Interceptors(FailureWatch.class)
public class BatchFetchListener implements MessageListener {

    @Inject
    BatchWork work;

    @Inject
    JmsBatchQueue queue;

    @Override
    public void onMessage(Message message) {
        queue.consume(message, work, BatchWork::fetch);
    }
}
