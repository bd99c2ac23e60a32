package org.picbed.site;

import java.net.URI;
import java.util.List;

/** A peer site: its id and the base URLs of its nodes (tried in order). */
public record Peer(String name, List<URI> urls) {

    public Peer {
        urls = List.copyOf(urls);
    }
}
