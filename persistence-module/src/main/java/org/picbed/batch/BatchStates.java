package org.picbed.batch;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/**
 * The states of batch rows. Columns and JSON carry them in lower case ({@code queued}, {@code done}, ...), as the
 * API has always shown them; {@link #toString()} is that spelling.
 */
public final class BatchStates {

    private BatchStates() {
    }

    /** Where a task is: queued, fetching its source, processing its rules, done or failed. */
    public enum TaskState {
        QUEUED, FETCHING, PROCESSING, DONE, FAILED;

        public boolean finished() {
            return this == DONE || this == FAILED;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A group runs until every task has finished. */
    public enum GroupState {
        RUNNING, DONE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A group's callback: waiting for the group, failed at least once (retrying), or delivered. */
    public enum CallbackState {
        PENDING, RETRYING, DELIVERED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A state column: the enum's name in lower case. */
    abstract static class LowerCaseColumn<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        LowerCaseColumn(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E state) {
            return state == null ? null : state.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public E convertToEntityAttribute(String column) {
            return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
        }
    }

    @Converter
    public static class TaskStateColumn extends LowerCaseColumn<TaskState> {
        public TaskStateColumn() {
            super(TaskState.class);
        }
    }

    @Converter
    public static class GroupStateColumn extends LowerCaseColumn<GroupState> {
        public GroupStateColumn() {
            super(GroupState.class);
        }
    }

    @Converter
    public static class CallbackStateColumn extends LowerCaseColumn<CallbackState> {
        public CallbackStateColumn() {
            super(CallbackState.class);
        }
    }
}
