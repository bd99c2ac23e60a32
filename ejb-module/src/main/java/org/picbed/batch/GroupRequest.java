package org.picbed.batch;

import java.util.List;

/**
 * A validated group submission: tasks in order (each a URL or a staged upload, with rules), the priority and an
 * optional callback URL.
 */
public record GroupRequest(List<TaskRequest> tasks, boolean high, String callbackUrl) {

    public static final int MAX_TASKS = 1000;

    /** One image to make: from {@code url}, or from the staged upload {@code staged} (its part was {@code upload}). */
    public record TaskRequest(String url, String upload, String staged, List<String> rules, boolean keepOriginal) {
    }
}
