package dev.shortstack.links.compat.shlink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;

/** An error Shlink has a type for (tag not found, tag conflict...), raised where Shortstack's own API has none. */
public final class ShlinkProblem extends RuntimeException {
    private final String type;
    private final String title;
    private final int status;
    private final ObjectNode extras = Json.mapper().createObjectNode();

    public ShlinkProblem(int status, String type, String title, String detail) {
        super(detail);
        this.type = type;
        this.title = title;
        this.status = status;
    }

    public ShlinkProblem with(String field, String value) {
        extras.put(field, value);
        return this;
    }

    public static ShlinkProblem tagNotFound(String tag) {
        return new ShlinkProblem(404, ShlinkProblems.SHLINK + "tag-not-found", "Tag not found",
                "Tag with name \"" + tag + "\" could not be found").with("tag", tag);
    }

    public static ShlinkProblem invalid(String field, String reason) {
        ShlinkProblem problem = new ShlinkProblem(400, ShlinkProblems.SHLINK + "invalid-data", "Invalid data",
                "Provided data is not valid: " + field + " " + reason);
        problem.extras.putArray("invalidElements").add(field);
        return problem;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    int status() {
        return status;
    }

    ObjectNode extras() {
        return extras;
    }
}
