package org.picbed.sample.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shop's products, in memory (a real shop has its own database); newest first. */
public final class Catalogue {

    private final List<Product> products = new ArrayList<>();

    public synchronized Product add(String name, String imageId, int width, int height) {
        Product product = new Product(products.size() + 1, name, imageId, width, height);
        products.add(0, product);
        return product;
    }

    public synchronized List<Product> all() {
        return List.copyOf(products);
    }

    public synchronized Optional<Product> find(int number) {
        return products.stream().filter(p -> p.number() == number).findFirst();
    }
}
