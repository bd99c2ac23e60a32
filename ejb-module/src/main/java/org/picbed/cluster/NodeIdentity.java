package org.picbed.cluster;

/** This server node's name, as WildFly knows it ({@code jboss.node.name}). */
public final class NodeIdentity {

    private NodeIdentity() {
    }

    public static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            name = System.getProperty("jboss.host.name", "picbed");
        }
        return name.length() > NodeHeartbeat.MAX_NODE_NAME ? name.substring(0, NodeHeartbeat.MAX_NODE_NAME) : name;
    }
}
