package org.picbed.platform;

import org.picbed.purge.JmxCallers;

import javax.security.auth.Subject;
import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The standard JMX way (Payara's RMI connector): the connector runs each call as the authenticated {@link Subject},
 * whose principals name the user (and, on Payara, the user's groups, which are left out: {@code asadmin}).
 */
public class SubjectJmxCallers implements JmxCallers {

    @Override
    @SuppressWarnings("removal")
    public Optional<String> current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null || subject.getPrincipals().isEmpty()) {
            return Optional.empty();
        }
        String users = subject.getPrincipals().stream().filter(p -> !p.getClass().getSimpleName().endsWith("Group"))
                .map(Principal::getName).distinct().collect(Collectors.joining(","));
        return users.isEmpty() ? Optional.empty() : Optional.of(users);
    }
}
