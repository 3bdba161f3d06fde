package dev.shortstack.shared.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One message on the rebuilds queue: rebuild one UTC day from the archive. The daily schedule
 * sends {@code {"relativeDay": -1}} (yesterday, as of when it is processed) instead of a job and day.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildRequest(String jobId, String day, Integer relativeDay) {
}
