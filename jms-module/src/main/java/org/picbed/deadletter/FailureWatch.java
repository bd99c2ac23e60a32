package org.picbed.deadletter;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.jms.Message;

/** Interceptor of the message listeners: a delivery that throws is recorded (why, which attempt), then rethrown. */
public class FailureWatch {

    @Inject
    FailedMessages failed;

    @AroundInvoke
    public Object watch(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception | Error e) {
            if (invocation.getParameters().length == 1 && invocation.getParameters()[0] instanceof Message message) {
                failed.failed(message, e);
            }
            throw e;
        }
    }
}
