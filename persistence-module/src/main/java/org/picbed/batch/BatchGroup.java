package org.picbed.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.picbed.batch.BatchStates.CallbackState;
import org.picbed.batch.BatchStates.GroupState;

import java.time.Instant;
import java.util.Objects;

/** A group of tasks submitted together: done when every task is done or failed; then its callback is posted. */
@Entity
@Table(name = "batch_group")
public class BatchGroup {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "priority", nullable = false, length = 8)
    private String priority;

    @Column(name = "state", nullable = false, length = 16)
    @Convert(converter = BatchStates.GroupStateColumn.class)
    private GroupState state;

    @Column(name = "task_count", nullable = false)
    private int taskCount;

    @Column(name = "tasks_finished", nullable = false)
    private int tasksFinished;

    @Column(name = "tasks_failed", nullable = false)
    private int tasksFailed;

    @Column(name = "callback_url", length = 2048)
    private String callbackUrl;

    @Column(name = "callback_state", length = 16)
    @Convert(converter = BatchStates.CallbackStateColumn.class)
    private CallbackState callbackState;

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
        this.state = GroupState.RUNNING;
        this.taskCount = taskCount;
        this.callbackUrl = callbackUrl;
        this.callbackState = callbackUrl == null ? null : CallbackState.PENDING;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(now);
    }

    /** Counts a task that reached its end; returns whether the group is now done. */
    public boolean taskFinished(boolean failed, Instant now) {
        tasksFinished++;
        if (failed) {
            tasksFailed++;
        }
        if (tasksFinished >= taskCount && state == GroupState.RUNNING) {
            state = GroupState.DONE;
            finishedAt = now;
            return true;
        }
        return false;
    }

    public void callbackFailed(String error) {
        callbackAttempts++;
        callbackState = CallbackState.RETRYING;
        callbackError = error == null ? null : error.substring(0, Math.min(512, error.length()));
    }

    public void callbackDelivered(Instant now) {
        callbackAttempts++;
        callbackState = CallbackState.DELIVERED;
        callbackError = null;
        callbackDeliveredAt = now;
    }

    public String id() { return id; }
    public String priority() { return priority; }
    public GroupState state() { return state; }
    public int taskCount() { return taskCount; }
    public int tasksFinished() { return tasksFinished; }
    public int tasksFailed() { return tasksFailed; }
    public String callbackUrl() { return callbackUrl; }
    public CallbackState callbackState() { return callbackState; }
    public int callbackAttempts() { return callbackAttempts; }
    public String callbackError() { return callbackError; }
    public Instant callbackDeliveredAt() { return callbackDeliveredAt; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant finishedAt() { return finishedAt; }
}
