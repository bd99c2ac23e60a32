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

    @Converter
    public static class TaskStateColumn implements AttributeConverter<TaskState, String> {
        @Override
        public String convertToDatabaseColumn(TaskState state) {
            return state == null ? null : state.toString();
        }

        @Override
        public TaskState convertToEntityAttribute(String column) {
            return column == null ? null : TaskState.valueOf(column.toUpperCase(Locale.ROOT));
        }
    }

    @Converter
    public static class GroupStateColumn implements AttributeConverter<GroupState, String> {
        @Override
        public String convertToDatabaseColumn(GroupState state) {
            return state == null ? null : state.toString();
        }

        @Override
        public GroupState convertToEntityAttribute(String column) {
            return column == null ? null : GroupState.valueOf(column.toUpperCase(Locale.ROOT));
        }
    }

    @Converter
    public static class CallbackStateColumn implements AttributeConverter<CallbackState, String> {
        @Override
        public String convertToDatabaseColumn(CallbackState state) {
            return state == null ? null : state.toString();
        }

        @Override
        public CallbackState convertToEntityAttribute(String column) {
            return column == null ? null : CallbackState.valueOf(column.toUpperCase(Locale.ROOT));
        }
    }
}
