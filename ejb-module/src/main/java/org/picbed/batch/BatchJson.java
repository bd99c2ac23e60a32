package org.picbed.batch;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.picbed.image.ImageId;
import org.picbed.variant.url.VariantUrls;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** A group as the status API shows it and as its callback posts it. */
public final class BatchJson {

    private BatchJson() {
    }

    public static JsonObject group(BatchGroup g, List<BatchTask> tasks) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (BatchTask t : tasks) {
            JsonObjectBuilder task = Json.createObjectBuilder().add("position", t.position()).add("state", t.state().toString());
            if (t.sourceUrl() != null) {
                task.add("url", t.sourceUrl());
            } else {
                task.add("upload", t.uploadName());
            }
            if (t.imageId() != null) {
                task.add("image", t.imageId().hex()).add("image_url", VariantUrls.originalPath(t.imageId()));
            }
            if (t.originalId() != null) {
                task.add("original", t.originalId().hex());
            }
            if (t.applied() != null) {
                try (var reader = Json.createReader(new StringReader(t.applied()))) {
                    task.add("applied", reader.readArray());
                }
            }
            if (t.errorCode() != null) {
                task.add("error", Json.createObjectBuilder().add("code", t.errorCode())
                        .add("detail", t.errorDetail() == null ? "" : t.errorDetail()));
            }
            list.add(task);
        }
        JsonObjectBuilder group = Json.createObjectBuilder()
                .add("id", g.id())
                .add("state", g.state().toString())
                .add("priority", g.priority())
                .add("created", g.createdAt().toString())
                .add("tasks_total", g.taskCount())
                .add("tasks_finished", g.tasksFinished())
                .add("tasks_failed", g.tasksFailed());
        text(group, "finished", g.finishedAt());
        if (g.callbackUrl() != null) {
            JsonObjectBuilder callback = Json.createObjectBuilder().add("url", g.callbackUrl())
                    .add("state", g.callbackState().toString()).add("attempts", g.callbackAttempts());
            if (g.callbackError() != null) {
                callback.add("error", g.callbackError());
            }
            text(callback, "delivered", g.callbackDeliveredAt());
            group.add("callback", callback);
        }
        return group.add("tasks", list).build();
    }

    private static void text(JsonObjectBuilder builder, String name, Instant value) {
        if (value != null) {
            builder.add(name, value.toString());
        }
    }
}
