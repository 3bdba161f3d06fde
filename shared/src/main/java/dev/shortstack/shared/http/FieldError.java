package dev.shortstack.shared.http;

/** One invalid field: {@code field} is a JSON pointer-like path, e.g. {@code url} or {@code tags[2]}. */
public record FieldError(String field, String message) {
}
