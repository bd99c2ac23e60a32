package org.picbed.batch;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.picbed.auth.Uploader;
import org.picbed.batch.BatchStates.TaskState;
import org.picbed.image.ImageId;

import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Groups and tasks in MariaDB, and the messages that move them on, in the same transactions: a submitted group
 * is stored with its first-stage messages or not at all; a task's result, its group's count and (when it was the
 * last) the callback message commit together. The group row is locked while a task is counted, so concurrent
 * last tasks cannot both miss (or both see) the end.
 */
@Stateless
public class Batches {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    @Inject
    BatchQueue queue;

    public BatchGroup submit(GroupRequest request, Uploader uploader) {
        Instant now = Instant.now();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        String id = "g-" + Long.toString(now.toEpochMilli(), 36) + "-" + HexFormat.of().formatHex(random);
        BatchGroup group = new BatchGroup(id, request.high() ? "high" : "low", request.tasks().size(),
                request.callbackUrl(), uploader.fingerprint(), now);
        em.persist(group);
        int priority = request.high() ? BatchQueue.HIGH : BatchQueue.LOW;
        int position = 0;
        for (GroupRequest.TaskRequest t : request.tasks()) {
            JsonArrayBuilder rules = Json.createArrayBuilder();
            t.rules().forEach(rules::add);
            BatchTask task = new BatchTask(id, position++, t.url(), t.upload(), t.staged(), rules.build().toString(),
                    t.keepOriginal(), now);
            em.persist(task);
            em.flush();
            if (t.url() != null) {
                queue.fetch(task.id(), priority);
            } else {
                queue.process(task.id(), priority);
            }
        }
        return group;
    }

    public Optional<BatchGroup> group(String id) {
        return Optional.ofNullable(id == null || id.length() > 40 ? null : em.find(BatchGroup.class, id));
    }

    public List<BatchTask> tasks(String groupId) {
        return em.createQuery("select t from BatchTask t where t.groupId = :g order by t.position", BatchTask.class)
                .setParameter("g", groupId).getResultList();
    }

    public Optional<BatchTask> task(long id) {
        return Optional.ofNullable(em.find(BatchTask.class, id));
    }

    /**
     * Shows a stage as it starts, in its own transaction so that the group's status shows it at once. Call it
     * before the stage reads the task: an entity read earlier in the stage's transaction would be stale.
     *
     * @param from the states the stage may start from
     * @return whether the stage should run (false: the task is gone or has moved on, e.g. a redelivered message)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean enter(long taskId, TaskState state, Set<TaskState> from) {
        BatchTask task = em.find(BatchTask.class, taskId);
        if (task == null || !from.contains(task.state())) {
            return false;
        }
        task.enter(state);
        return true;
    }

    /** Who submitted the group (read without managing the row, which a finishing task locks). */
    public String creator(String groupId) {
        return em.createQuery("select g.createdBy from BatchGroup g where g.id = :id", String.class)
                .setParameter("id", groupId).getSingleResult();
    }

    /** The source is staged: on to processing. */
    public void fetched(long taskId, String staged) {
        BatchTask task = em.find(BatchTask.class, taskId);
        task.staged(staged);
        task.enter(TaskState.PROCESSING);
        queue.process(taskId, priority(task));
    }

    public void done(long taskId, ImageId imageId, ImageId originalId, List<String> applied) {
        BatchTask task = em.find(BatchTask.class, taskId);
        JsonArrayBuilder list = Json.createArrayBuilder();
        applied.forEach(list::add);
        task.done(imageId, originalId, list.build().toString(), Instant.now());
        count(task, false);
    }

    public void failed(long taskId, String code, String detail) {
        BatchTask task = em.find(BatchTask.class, taskId);
        if (task == null || task.finished()) {
            return;
        }
        task.failed(code, detail, Instant.now());
        count(task, true);
    }

    /**
     * Ends a task whose stage failed on its last delivery (its message goes to the dead-letter queue), so that its
     * group still completes; in its own transaction, as the stage's is rolled back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void gaveUp(long taskId) {
        failed(taskId, "internal_error", "the task failed on every attempt; its message is in the dead-letter queue");
    }

    private void count(BatchTask task, boolean failed) {
        BatchGroup group = em.find(BatchGroup.class, task.groupId(), LockModeType.PESSIMISTIC_WRITE);
        if (group.taskFinished(failed, Instant.now()) && group.callbackUrl() != null) {
            queue.callback(group.id());
        }
    }

    /** Records a callback attempt (its own transaction: it stays recorded when the delivery is retried). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void callbackAttempt(String groupId, boolean delivered, String error) {
        BatchGroup group = em.find(BatchGroup.class, groupId, LockModeType.PESSIMISTIC_WRITE);
        if (delivered) {
            group.callbackDelivered(Instant.now());
        } else {
            group.callbackFailed(error);
        }
    }

    private int priority(BatchTask task) {
        String priority = em.createQuery("select g.priority from BatchGroup g where g.id = :id", String.class)
                .setParameter("id", task.groupId()).getSingleResult();
        return "high".equals(priority) ? BatchQueue.HIGH : BatchQueue.LOW;
    }

    /** The rules a task was stored with. */
    public static List<String> rules(BatchTask task) {
        try (var reader = Json.createReader(new StringReader(task.rules()))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
