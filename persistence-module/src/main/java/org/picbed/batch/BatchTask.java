package org.picbed.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.picbed.batch.BatchStates.TaskState;
import org.picbed.image.ImageId;

import java.time.Instant;
import java.util.Objects;

/** One image of a group: from a URL or an uploaded part, through fetching and processing to done or failed. */
@Entity
@Table(name = "batch_task")
public class BatchTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false, length = 40)
    private String groupId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "source_url", length = 4096)
    private String sourceUrl;

    @Column(name = "upload_name", length = 255)
    private String uploadName;

    @Column(name = "staged", length = 80)
    private String staged;

    @Column(name = "rules", nullable = false, columnDefinition = "TEXT")
    private String rules;

    @Column(name = "keep_original", nullable = false)
    private boolean keepOriginal;

    @Column(name = "state", nullable = false, length = 16)
    @Convert(converter = BatchStates.TaskStateColumn.class)
    private TaskState state;

    @Column(name = "image_id", length = 64, columnDefinition = "CHAR(64)")
    @Convert(converter = ImageId.Column.class)
    private ImageId imageId;

    @Column(name = "original_id", length = 64, columnDefinition = "CHAR(64)")
    @Convert(converter = ImageId.Column.class)
    private ImageId originalId;

    @Column(name = "applied", columnDefinition = "TEXT")
    private String applied;

    @Column(name = "error_code", length = 64)
    private String errorCode;

    @Column(name = "error_detail", length = 512)
    private String errorDetail;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected BatchTask() {
    }

    public BatchTask(String groupId, int position, String sourceUrl, String uploadName, String staged, String rules,
                     boolean keepOriginal, Instant now) {
        this.groupId = Objects.requireNonNull(groupId);
        this.position = position;
        this.sourceUrl = sourceUrl;
        this.uploadName = uploadName;
        this.staged = staged;
        this.rules = Objects.requireNonNull(rules);
        this.keepOriginal = keepOriginal;
        this.state = TaskState.QUEUED;
        this.queuedAt = Objects.requireNonNull(now);
    }

    public boolean finished() {
        return state.finished();
    }

    public void enter(TaskState state) {
        this.state = Objects.requireNonNull(state);
    }

    public void staged(String name) {
        this.staged = name;
    }

    public void done(ImageId imageId, ImageId originalId, String applied, Instant now) {
        this.state = TaskState.DONE;
        this.imageId = imageId;
        this.originalId = originalId;
        this.applied = applied;
        this.finishedAt = now;
    }

    public void failed(String code, String detail, Instant now) {
        this.state = TaskState.FAILED;
        this.errorCode = code;
        this.errorDetail = detail == null ? null : detail.substring(0, Math.min(512, detail.length()));
        this.finishedAt = now;
    }

    public Long id() { return id; }
    public String groupId() { return groupId; }
    public int position() { return position; }
    public String sourceUrl() { return sourceUrl; }
    public String uploadName() { return uploadName; }
    public String staged() { return staged; }
    public String rules() { return rules; }
    public boolean keepOriginal() { return keepOriginal; }
    public TaskState state() { return state; }
    public ImageId imageId() { return imageId; }
    public ImageId originalId() { return originalId; }
    public String applied() { return applied; }
    public String errorCode() { return errorCode; }
    public String errorDetail() { return errorDetail; }
    public Instant queuedAt() { return queuedAt; }
    public Instant finishedAt() { return finishedAt; }
}
