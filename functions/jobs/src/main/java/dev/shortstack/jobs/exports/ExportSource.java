package dev.shortstack.jobs.exports;

import dev.shortstack.links.jobs.Job;
import java.util.List;
import java.util.function.Consumer;

/** What one type of export contains: its columns, and its rows for a job. */
interface ExportSource {
    List<String> columns();

    /** Hands every row (values in column order) to {@code sink}, in the order they belong in the file. */
    void rows(Job job, Consumer<List<?>> sink);
}
