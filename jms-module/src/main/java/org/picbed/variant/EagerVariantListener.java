package org.picbed.variant;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.picbed.deadletter.FailureWatch;
import org.picbed.image.ImageMessages;
import org.picbed.messaging.Destinations;
import org.picbed.variant.background.VariantWork;

/**
 * Renders the eager presets of each uploaded image (the interactive render queue). Its concurrency is the
 * node's share of background rendering ({@code PICBED_EAGER_CONSUMERS}, default 2); renders also pass the
 * node's render gate, so they never exceed the render workers.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.THUMBNAILS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@Interceptors(FailureWatch.class)
public class EagerVariantListener implements MessageListener {

    @Inject
    VariantWork work;

    @Override
    public void onMessage(Message message) {
        try {
            ImageMessages.Created created = ImageMessages.readCreated(message);
            work.renderEager(created.image(), created.format());
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
