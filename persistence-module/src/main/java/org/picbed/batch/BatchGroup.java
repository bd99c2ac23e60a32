package org.picbed.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/** A group of tasks submitted together: done when every task is done or failed; then its callback is posted. */
@Entity
@Table(name = "batch_group")
public class BatchGroup {

    public static final String RUNNING = "running";
    public static final String DONE = "done";

    public static final String CALLBACK_PENDING = "pending";
    public static final String CALLBACK_RETRYING = "retrying";
    public static final String CALLBACK_DELIVERED = "delivered";

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "priority", nullable = false, length = 8)
    private String priority;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "task_count", nullable = false)
    private int taskCount;

    @Column(name = "tasks_finished", nullable = false)
    private int tasksFinished;

    @Column(name = "tasks_failed", nullable = false)
    private int tasksFailed;

    @Column(name = "callback_url", length = 2048)
    private String callbackUrl;

    @Column(name = "callback_state", length = 16)
    private String callbackState;

    @Column(name = "callback_attempts", nullable = false)
    private int callbackAttempts;

    @Column(name = "callback_error", length = 512)
    private String callbackError;

    @Column(name = "callback_delivered_at")
    private Instant callbackDeliveredAt;

    @Column(name = "created_by", nullable = false, length = 32)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected BatchGroup() {
    }

    public BatchGroup(String id, String priority, int taskCount, String callbackUrl, String createdBy, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.priority = Objects.requireNonNull(priority);
        this.state = RUNNING;
        this.taskCount = taskCount;
        this.callbackUrl = callbackUrl;
        this.callbackState = callbackUrl == null ? null : CALLBACK_PENDING;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(now);
    }

    /** Counts a task that reached its end; returns whether the group is now done. */
    public boolean taskFinished(boolean failed, Instant now) {
        tasksFinished++;
        if (failed) {
            tasksFailed++;
        }
        if (tasksFinished >= taskCount && RUNNING.equals(state)) {
            state = DONE;
            finishedAt = now;
            return true;
        }
        return false;
    }

    public void callbackFailed(String error) {
        callbackAttempts++;
        callbackState = CALLBACK_RETRYING;
        callbackError = error == null ? null : error.substring(0, Math.min(512, error.length()));
    }

    public void callbackDelivered(Instant now) {
        callbackAttempts++;
        callbackState = CALLBACK_DELIVERED;
        callbackError = null;
        callbackDeliveredAt = now;
    }

    public String id() { return id; }
    public String priority() { return priority; }
    public String state() { return state; }
    public int taskCount() { return taskCount; }
    public int tasksFinished() { return tasksFinished; }
    public int tasksFailed() { return tasksFailed; }
    public String callbackUrl() { return callbackUrl; }
    public String callbackState() { return callbackState; }
    public int callbackAttempts() { return callbackAttempts; }
    public String callbackError() { return callbackError; }
    public Instant callbackDeliveredAt() { return callbackDeliveredAt; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant finishedAt() { return finishedAt; }
}
