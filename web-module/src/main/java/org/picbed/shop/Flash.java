package org.picbed.shop;

import java.io.Serializable;

/** A message shown once, on the page a redirect leads to; {@code kind} is {@code ok} or {@code error}. */
public record Flash(String kind, String text) implements Serializable {

    public String getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }
}
