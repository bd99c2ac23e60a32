package org.picbed.batch;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.picbed.deadletter.FailureWatch;
import org.picbed.messaging.Destinations;

/**
 * The callback stage: posts a finished group, signed, to its callback URL. A failed attempt is retried with
 * back-off by the queue (picbed.callbacks: 1 s doubling, {@code PICBED_CALLBACK_MAX_ATTEMPTS}) and then
 * dead-lettered; a group already delivered is never posted again (forced or duplicate redeliveries).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.CALLBACKS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@Interceptors(FailureWatch.class)
public class CallbackListener implements MessageListener {

    @Inject
    BatchWork work;

    @Override
    public void onMessage(Message message) {
        try {
            work.callback(message.getStringProperty(JmsBatchQueue.GROUP));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
