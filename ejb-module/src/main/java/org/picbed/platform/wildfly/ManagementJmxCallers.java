package org.picbed.platform.wildfly;

import org.picbed.purge.JmxCallers;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * WildFly's JMX connector (remote+http) runs each call inside the management layer's audit context
 * ({@code org.jboss.as.controller.AccessAuditContext}, a thread-local set by the connector's server interceptor),
 * which carries the caller's Elytron {@code SecurityIdentity}: its principal is the management user. Read by
 * reflection (the module {@code org.jboss.as.controller} is an optional dependency in jboss-deployment-structure.xml),
 * so nothing of WildFly is compiled in; the fallback (the standard JMX subject) when the context is absent.
 */
public class ManagementJmxCallers implements JmxCallers {

    private static final Logger LOG = Logger.getLogger(ManagementJmxCallers.class.getName());
    private static final String CONTEXT = "org.jboss.as.controller.AccessAuditContext";

    private final JmxCallers fallback;
    private final Method currentContext;
    private final Method identityOfContext;

    public ManagementJmxCallers(JmxCallers fallback) {
        this.fallback = fallback;
        Method current = null;
        Method identity = null;
        try {
            Class<?> context = Class.forName(CONTEXT, false, ManagementJmxCallers.class.getClassLoader());
            current = context.getMethod("currentAccessAuditContext");
            identity = context.getMethod("getSecurityIdentity");
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warning(() -> "the JMX caller will not be known: " + CONTEXT + " is not visible (" + e + ")");
        }
        currentContext = current;
        identityOfContext = identity;
    }

    @Override
    public Optional<String> current() {
        if (currentContext != null) {
            try {
                Object context = currentContext.invoke(null);
                Object identity = context == null ? null : identityOfContext.invoke(context);
                if (identity != null && identity.getClass().getMethod("getPrincipal").invoke(identity) instanceof Principal p
                        && !"anonymous".equals(p.getName())) {
                    return Optional.of(p.getName());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.fine(() -> "no JMX caller from the audit context: " + e);
            }
        }
        return fallback.current();
    }
}
