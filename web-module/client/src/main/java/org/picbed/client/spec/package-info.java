/**
 * What a variant is, as values, shared by picbed's server and its clients: {@code VariantSpec} (the canonical
 * options: size, resize type, gravity, crop, rotation, effects, quality), {@code VariantOptions} (parsing
 * imgproxy-style option strings into a spec and its canonical spelling; {@code InvalidOptionsException} with the
 * server's problem codes), {@code Presets} (named option sets, {@code PICBED_PRESETS}) and {@code Geometry} (the
 * sizes a spec makes, with no pixels involved).
 * <p>
 * May use: {@code org.picbed.client.PicbedSettings} only.
 */
package org.picbed.client.spec;
