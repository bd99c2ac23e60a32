/**
 * picbed's client library, for a shop's own application: {@code PicbedSettings} (configuration from code, system
 * properties or {@code PICBED_*} variables), {@code PicbedClient} (uploads, image metadata, upload tokens over
 * {@code java.net.http}) with typed results and {@code PicbedProblemException} for problem+json answers.
 * URLs and the option grammar live in {@code url} and {@code spec}. No dependency on picbed's server; picbed's
 * server depends on this jar for its grammar, signer and URL builder.
 */
package org.picbed.client;
