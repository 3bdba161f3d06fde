package dev.shortstack.links.keys;

import dev.shortstack.links.auth.ApiKey;

/** A key just created: the only moment its plaintext exists outside the client. */
public record NewApiKey(ApiKey stored, String plaintext) {
}
