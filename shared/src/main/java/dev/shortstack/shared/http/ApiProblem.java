package dev.shortstack.shared.http;

import java.util.List;
import java.util.Map;

/** Thrown anywhere below a handler to answer a problem+json response. */
public final class ApiProblem extends RuntimeException {
    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ApiProblem(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors.";
        return new ApiProblem(ProblemType.VALIDATION_FAILED, detail, errors, Map.of());
    }

    public static ApiProblem validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
