package org.picbed.sample.shop;

/** A product with its picture on picbed: the image id and the size picbed reported when it was stored. */
public record Product(int number, String name, String imageId, int width, int height) {

    public int getNumber() {
        return number;
    }

    public String getName() {
        return name;
    }

    public String getImageId() {
        return imageId;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }
}
