package org.picbed.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.config.Platform;
import org.picbed.config.Settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * This server node's name: {@code PICBED_NODE_NAME}, else the name the server gives the node (WildFly's
 * {@code jboss.node.name}; a Payara server has no per-node name), else the host name.
 */
@ApplicationScoped
public class NodeIdentity {

    private String nodeName;

    @Inject
    void configure(Settings settings) {
        String name = settings.get("node.name")
                .or(() -> Platform.current().nodeName(System.getProperties()))
                .orElseGet(NodeIdentity::hostName);
        nodeName = name.length() > NodeHeartbeat.MAX_NODE_NAME ? name.substring(0, NodeHeartbeat.MAX_NODE_NAME) : name;
    }

    public String nodeName() {
        return nodeName;
    }

    private static String hostName() {
        try {
            return Optional.ofNullable(InetAddress.getLocalHost().getHostName()).filter(h -> !h.isBlank()).orElse("picbed");
        } catch (UnknownHostException e) {
            return "picbed";
        }
    }
}
