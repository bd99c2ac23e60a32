/*
 * picbed's JNI binding to libheif (Debian libheif1): decodes HEIC and AVIF sources and encodes AVIF outputs.
 * The Java side is org.picbed.variant.render.HeifNative; pixels cross as packed ARGB ints, the pipeline's
 * layout. Errors are thrown as IllegalArgumentException (bad input) or IllegalStateException (encoder), with
 * libheif's own message. Built by ejb-module's pom when libheif's headers are present (libheif-dev).
 */
#include <jni.h>
#include <libheif/heif.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void throw_error(JNIEnv *env, const char *type, const char *what, struct heif_error err) {
    char message[512];
    snprintf(message, sizeof message, "%s: %s", what, err.message ? err.message : "unknown error");
    jclass c = (*env)->FindClass(env, type);
    if (c != NULL) {
        (*env)->ThrowNew(env, c, message);
    }
}

JNIEXPORT jstring JNICALL Java_org_picbed_variant_render_HeifNative_version(JNIEnv *env, jclass cls) {
    return (*env)->NewStringUTF(env, heif_get_version());
}

/* Whether libheif has a decoder (format 0: AV1, 1: HEVC) and an encoder for AV1. */
JNIEXPORT jboolean JNICALL Java_org_picbed_variant_render_HeifNative_canDecode(JNIEnv *env, jclass cls,
                                                                               jint format) {
    return heif_have_decoder_for_format(format == 0 ? heif_compression_AV1 : heif_compression_HEVC) ? JNI_TRUE
                                                                                                   : JNI_FALSE;
}

JNIEXPORT jboolean JNICALL Java_org_picbed_variant_render_HeifNative_canEncode(JNIEnv *env, jclass cls,
                                                                               jint format) {
    return heif_have_encoder_for_format(format == 0 ? heif_compression_AV1 : heif_compression_HEVC) ? JNI_TRUE
                                                                                                   : JNI_FALSE;
}

/*
 * Decodes the primary image with its transformations (irot, imir, clap) applied, as 8-bit RGB(A).
 * size receives width, height and 1 when the image has an alpha channel. Returns the ARGB pixels.
 */
JNIEXPORT jintArray JNICALL Java_org_picbed_variant_render_HeifNative_decode(JNIEnv *env, jclass cls,
                                                                             jbyteArray file, jint maxPixels,
                                                                             jintArray size) {
    jsize length = (*env)->GetArrayLength(env, file);
    jbyte *bytes = (*env)->GetByteArrayElements(env, file, NULL);
    if (bytes == NULL) {
        return NULL;
    }
    jintArray result = NULL;
    struct heif_context *ctx = heif_context_alloc();
    struct heif_image_handle *handle = NULL;
    struct heif_image *image = NULL;
    struct heif_decoding_options *options = NULL;
    struct heif_error err = heif_context_read_from_memory_without_copy(ctx, bytes, (size_t) length, NULL);
    if (err.code != heif_error_Ok) {
        throw_error(env, "java/lang/IllegalArgumentException", "the container cannot be read", err);
        goto done;
    }
    err = heif_context_get_primary_image_handle(ctx, &handle);
    if (err.code != heif_error_Ok) {
        throw_error(env, "java/lang/IllegalArgumentException", "no primary image", err);
        goto done;
    }
    int declaredW = heif_image_handle_get_width(handle);
    int declaredH = heif_image_handle_get_height(handle);
    if (declaredW < 1 || declaredH < 1 || (int64_t) declaredW * declaredH > maxPixels) {
        struct heif_error big = {heif_error_Memory_allocation_error, heif_suberror_Unspecified,
                                 "the image is larger than allowed"};
        throw_error(env, "java/lang/IllegalArgumentException", "too large", big);
        goto done;
    }
    int alpha = heif_image_handle_has_alpha_channel(handle);
    options = heif_decoding_options_alloc();
    options->convert_hdr_to_8bit = 1;
    err = heif_decode_image(handle, &image, heif_colorspace_RGB,
                            alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, options);
    if (err.code != heif_error_Ok) {
        throw_error(env, "java/lang/IllegalArgumentException", "the image cannot be decoded", err);
        goto done;
    }
    int w = heif_image_get_width(image, heif_channel_interleaved);
    int h = heif_image_get_height(image, heif_channel_interleaved);
    int stride = 0;
    const uint8_t *plane = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride);
    if (plane == NULL || w < 1 || h < 1) {
        struct heif_error none = {heif_error_Decoder_plugin_error, heif_suberror_Unspecified, "no pixels"};
        throw_error(env, "java/lang/IllegalArgumentException", "the image cannot be decoded", none);
        goto done;
    }
    result = (*env)->NewIntArray(env, (jsize) w * h);
    if (result == NULL) {
        goto done; /* OutOfMemoryError pending */
    }
    jint *px = (*env)->GetPrimitiveArrayCritical(env, result, NULL);
    if (px == NULL) {
        result = NULL;
        goto done;
    }
    int step = alpha ? 4 : 3;
    for (int y = 0; y < h; y++) {
        const uint8_t *row = plane + (size_t) y * stride;
        jint *out = px + (size_t) y * w;
        for (int x = 0; x < w; x++, row += step) {
            uint32_t a = alpha ? row[3] : 0xFF;
            out[x] = (jint) (a << 24 | (uint32_t) row[0] << 16 | (uint32_t) row[1] << 8 | row[2]);
        }
    }
    (*env)->ReleasePrimitiveArrayCritical(env, result, px, 0);
    jint facts[3] = {w, h, alpha ? 1 : 0};
    (*env)->SetIntArrayRegion(env, size, 0, 3, facts);
done:
    if (options != NULL) heif_decoding_options_free(options);
    if (image != NULL) heif_image_release(image);
    if (handle != NULL) heif_image_handle_release(handle);
    heif_context_free(ctx);
    (*env)->ReleaseByteArrayElements(env, file, bytes, JNI_ABORT);
    return result;
}

struct buffer {
    uint8_t *data;
    size_t size;
    size_t capacity;
};

static struct heif_error append(struct heif_context *ctx, const void *data, size_t size, void *userdata) {
    struct buffer *b = userdata;
    struct heif_error ok = {heif_error_Ok, heif_suberror_Unspecified, "ok"};
    if (b->size + size > b->capacity) {
        size_t capacity = (b->size + size) * 2;
        uint8_t *grown = realloc(b->data, capacity);
        if (grown == NULL) {
            struct heif_error oom = {heif_error_Memory_allocation_error, heif_suberror_Unspecified, "out of memory"};
            return oom;
        }
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->size, data, size);
    b->size += size;
    return ok;
}

/*
 * Encodes ARGB pixels (format 0: AV1 = AVIF, 1: HEVC = HEIC) at a lossy quality 0-100 and an encoder speed
 * (AV1: 0 slowest .. 9 fastest), 4:2:0, with nothing but the image itself: no EXIF or XMP is written.
 */
JNIEXPORT jbyteArray JNICALL Java_org_picbed_variant_render_HeifNative_encode(JNIEnv *env, jclass cls,
                                                                             jintArray argb, jint w, jint h,
                                                                             jboolean alpha, jint format,
                                                                             jint quality, jint speed) {
    if (w < 1 || h < 1 || (*env)->GetArrayLength(env, argb) < (jsize) w * h) {
        struct heif_error bad = {heif_error_Usage_error, heif_suberror_Unspecified, "bad raster"};
        throw_error(env, "java/lang/IllegalArgumentException", "encode", bad);
        return NULL;
    }
    jbyteArray result = NULL;
    struct buffer out = {NULL, 0, 0};
    struct heif_context *ctx = heif_context_alloc();
    struct heif_encoder *encoder = NULL;
    struct heif_image *image = NULL;
    struct heif_encoding_options *options = NULL;
    struct heif_error err = heif_context_get_encoder_for_format(
        ctx, format == 0 ? heif_compression_AV1 : heif_compression_HEVC, &encoder);
    if (err.code != heif_error_Ok) {
        throw_error(env, "java/lang/IllegalStateException", "no encoder", err);
        goto done;
    }
    heif_encoder_set_lossy_quality(encoder, quality);
    char value[16];
    snprintf(value, sizeof value, "%d", speed);
    heif_encoder_set_parameter(encoder, "speed", value); /* aom and rav1e; x265 has its own presets */
    heif_encoder_set_parameter(encoder, "chroma", "420");
    err = heif_image_create(w, h, heif_colorspace_RGB,
                            alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, &image);
    if (err.code == heif_error_Ok) {
        err = heif_image_add_plane(image, heif_channel_interleaved, w, h, 8);
    }
    if (err.code != heif_error_Ok) {
        throw_error(env, "java/lang/IllegalStateException", "image", err);
        goto done;
    }
    int stride = 0;
    uint8_t *plane = heif_image_get_plane(image, heif_channel_interleaved, &stride);
    jint *px = (*env)->GetPrimitiveArrayCritical(env, argb, NULL);
    if (px == NULL) {
        goto done;
    }
    int step = alpha ? 4 : 3;
    for (int y = 0; y < h; y++) {
        uint8_t *row = plane + (size_t) y * stride;
        const jint *in = px + (size_t) y * w;
        for (int x = 0; x < w; x++, row += step) {
            uint32_t p = (uint32_t) in[x];
            row[0] = (uint8_t) (p >> 16);
            row[1] = (uint8_t) (p >> 8);
            row[2] = (uint8_t) p;
            if (alpha) {
                row[3] = (uint8_t) (p >> 24);
            }
        }
    }
    (*env)->ReleasePrimitiveArrayCritical(env, argb, px, JNI_ABORT);
    options = heif_encoding_options_alloc();
    options->save_alpha_channel = alpha ? 1 : 0;
    err = heif_context_encode_image(ctx, image, encoder, options, NULL);
    if (err.code != heif_error_Ok) {
        throw_error(env, "java/lang/IllegalStateException", "encode", err);
        goto done;
    }
    struct heif_writer writer = {1, append};
    err = heif_context_write(ctx, &writer, &out);
    if (err.code != heif_error_Ok) {
        throw_error(env, "java/lang/IllegalStateException", "write", err);
        goto done;
    }
    result = (*env)->NewByteArray(env, (jsize) out.size);
    if (result != NULL) {
        (*env)->SetByteArrayRegion(env, result, 0, (jsize) out.size, (const jbyte *) out.data);
    }
done:
    free(out.data);
    if (options != NULL) heif_encoding_options_free(options);
    if (image != NULL) heif_image_release(image);
    if (encoder != NULL) heif_encoder_release(encoder);
    heif_context_free(ctx);
    return result;
}
