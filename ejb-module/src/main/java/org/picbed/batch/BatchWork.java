package org.picbed.batch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.picbed.auth.Uploader;
import org.picbed.batch.BatchStates.CallbackState;
import org.picbed.batch.BatchStates.TaskState;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;
import org.picbed.fetch.FetchRefused;
import org.picbed.fetch.SafeFetcher;
import org.picbed.image.DisplayNames;
import org.picbed.image.ImageId;
import org.picbed.image.Images;
import org.picbed.image.format.ImageInfo;
import org.picbed.variant.render.RenderException;
import org.picbed.variant.serve.Variants;
import org.picbed.client.spec.VariantOptions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What the batch stages do, called by their MDBs inside the message's transaction. Every stage is idempotent: a
 * redelivered message for a task that has moved on is dropped. A task's own problem (refused source, not an
 * image, a rule that cannot apply) ends the task as failed with a code; anything else (database, disk) throws so
 * the message is retried with back-off and, in the end, dead-lettered.
 */
@ApplicationScoped
public class BatchWork {

    private static final Logger LOG = Logger.getLogger(BatchWork.class.getName());

    @Inject
    Settings settings;

    @Inject
    VariantOptions options;

    @Inject
    Batches batches;

    @Inject
    BatchStaging staging;

    @Inject
    Images images;

    @Inject
    Variants variants;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private volatile SafeFetcher fetcher;

    public SafeFetcher fetcher() {
        if (fetcher == null) {
            fetcher = SafeFetcher.from(settings, images.limits().maxBytes());
        }
        return fetcher;
    }

    public VariantOptions options() {
        return options;
    }

    public void fetch(long taskId) throws IOException {
        if (!batches.enter(taskId, TaskState.FETCHING, Set.of(TaskState.QUEUED, TaskState.FETCHING))) {
            return;
        }
        BatchTask task = batches.task(taskId).orElseThrow();
        try (BatchStaging.Staged staged = staging.create()) {
            fetcher().fetch(task.sourceUrl(), staged.output());
            String name = staged.commit();
            deleteIfRolledBack(name);
            batches.fetched(taskId, name);
        } catch (FetchRefused e) {
            batches.failed(taskId, e.code(), e.publicMessage());
        }
    }

    public void process(long taskId) throws IOException {
        if (!batches.enter(taskId, TaskState.PROCESSING, Set.of(TaskState.QUEUED, TaskState.FETCHING, TaskState.PROCESSING))) {
            return;
        }
        BatchTask task = batches.task(taskId).orElseThrow();
        Uploader uploader = new Uploader(batches.creator(task.groupId()));
        String name = displayName(task);
        try {
            Made made = make(staging.read(task.staged()), Rules.parse(Batches.rules(task), options), task.keepOriginal(), name, uploader);
            batches.done(taskId, made.image().image().imageId(), made.originalId(), made.applied());
        } catch (PicbedException e) {
            if (e.status() >= 500) {
                throw e;
            }
            batches.failed(taskId, e.code(), e.publicMessage());
        } catch (RenderException e) {
            batches.failed(taskId, "unprocessable", "the rules could not be applied to this image");
        }
        deleteIfCommitted(task.staged());
    }

    /** The stage gave up on this task (last delivery failed): it ends as failed and its group can complete. */
    public void gaveUp(long taskId) {
        batches.gaveUp(taskId);
    }

    /** An image made from source bytes: the stored result, the kept original's id (or null), what was applied. */
    public record Made(Images.Ingested image, ImageId originalId, List<String> applied) {
    }

    /**
     * Applies the rules to the source (inspected like an upload first) and stores the result, and the source
     * itself when it is to be kept; without rules the source is stored as it is.
     *
     * @throws PicbedException 4xx for a source that is not an accepted image
     * @throws RenderException when a rule cannot be applied
     */
    public Made make(byte[] source, Rules rules, boolean keepOriginal, String name, Uploader uploader)
            throws IOException, RenderException {
        if (rules.isEmpty()) {
            return new Made(images.ingest(new ByteArrayInputStream(source), name, uploader, null), null, List.of());
        }
        ImageInfo info = images.inspect(source);
        Rules.Processed processed = variants.renderInBackground(renderer -> rules.apply(source, info.format(), renderer));
        ImageId originalId = keepOriginal
                ? images.ingest(new ByteArrayInputStream(source), name, uploader, null).image().imageId() : null;
        Images.Ingested result = images.ingest(new ByteArrayInputStream(processed.bytes()), name, uploader, null);
        return new Made(result, originalId, processed.applied());
    }

    /**
     * {@code POST /api/images {"url": ...}}: fetches one source now (same rules as a task) and makes the image.
     *
     * @throws FetchRefused why the source was not fetched
     */
    public Made importUrl(String url, List<String> ruleList, boolean keepOriginal, Uploader uploader)
            throws IOException, RenderException {
        Rules rules = Rules.parse(ruleList, options);
        java.io.ByteArrayOutputStream source = new java.io.ByteArrayOutputStream();
        fetcher().fetch(url, source);
        return make(source.toByteArray(), rules, keepOriginal, nameOf(url), uploader);
    }

    /** Posts the finished group to its callback URL once; a failed attempt is recorded and thrown to retry. */
    public void callback(String groupId) {
        BatchGroup group = batches.group(groupId).orElse(null);
        if (group == null || group.callbackUrl() == null || group.callbackState() == CallbackState.DELIVERED) {
            return;
        }
        byte[] body = BatchJson.group(group, batches.tasks(groupId)).toString().getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        try {
            int status = fetcher().post(group.callbackUrl(), "application/json", body, Map.of(
                    CallbackSignature.HEADER, CallbackSignature.header(settings.get("callback.secret", "").getBytes(StandardCharsets.UTF_8), now, body),
                    "X-Picbed-Group", groupId));
            if (status >= 200 && status < 300) {
                batches.callbackAttempt(groupId, true, null);
                return;
            }
            batches.callbackAttempt(groupId, false, "HTTP " + status);
            throw new CallbackFailed("callback for " + groupId + " answered HTTP " + status);
        } catch (FetchRefused e) {
            batches.callbackAttempt(groupId, false, e.code() + ": " + e.publicMessage());
            if ("source_not_allowed".equals(e.code()) || "source_invalid".equals(e.code())) {
                LOG.warning("callback for " + groupId + " is not allowed: " + e.publicMessage());
                return; // retrying cannot help
            }
            throw new CallbackFailed("callback for " + groupId + " failed: " + e.code());
        }
    }

    /** A failed delivery: the message goes back to the queue (back-off, then the dead-letter queue). */
    public static final class CallbackFailed extends RuntimeException {
        CallbackFailed(String message) {
            super(message);
        }
    }

    /** The upload's file name or the URL's last segment, when it makes a valid display name. */
    private static String displayName(BatchTask task) {
        return task.uploadName() != null ? displayName(task.uploadName()) : nameOf(task.sourceUrl());
    }

    /** A source URL's last path segment, decoded, when it makes a valid display name. */
    private static String nameOf(String url) {
        String path = url.replaceAll("[?#].*$", "");
        try {
            return displayName(java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null; // a malformed %-escape: no name, the image is still made
        }
    }

    private static String displayName(String name) {
        try {
            return DisplayNames.of(name).orElse(null);
        } catch (PicbedException | IllegalArgumentException e) {
            return null;
        }
    }

    private void deleteIfCommitted(String name) {
        afterCompletion(committed -> {
            if (committed) {
                staging.delete(name);
            }
        });
    }

    private void deleteIfRolledBack(String name) {
        afterCompletion(committed -> {
            if (!committed) {
                staging.delete(name);
            }
        });
    }

    private void afterCompletion(java.util.function.Consumer<Boolean> action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }
}
