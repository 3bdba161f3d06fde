package dev.shortstack.links.jobs;

import java.util.List;

public record JobPage(List<Job> jobs, String nextCursor) {
}
