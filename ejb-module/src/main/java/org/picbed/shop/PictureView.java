package org.picbed.shop;

/** A picture as pages show it: the stored image's id and display size, with its alt text. */
public record PictureView(long id, String imageId, int width, int height, String alt, int position) {

    static PictureView of(Picture picture) {
        return new PictureView(picture.id(), picture.image().id(), picture.image().width(), picture.image().height(),
                picture.alt(), picture.position());
    }

    public long getId() {
        return id;
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

    public String getAlt() {
        return alt;
    }

    public int getPosition() {
        return position;
    }
}
