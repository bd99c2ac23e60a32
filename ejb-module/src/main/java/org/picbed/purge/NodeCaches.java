package org.picbed.purge;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * This node's own memory of images (resolved URLs, negative caches...): holders register here and are told of
 * every purge that reaches the node (through the purge topic, so every node of the site hears it).
 */
@ApplicationScoped
public class NodeCaches {

    private final List<Consumer<PurgeRequest>> holders = new CopyOnWriteArrayList<>();

    public void register(Consumer<PurgeRequest> holder) {
        holders.add(holder);
    }

    public void purged(PurgeRequest request) {
        holders.forEach(h -> h.accept(request));
    }
}
