package dev.shortstack.shared.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.observability.Observability;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plumbing of an SQS-triggered function with {@code ReportBatchItemFailures}: the event in,
 * the ids of the records to retry out. Subclasses only process records; throwing fails the whole
 * batch, which Lambda retries as a whole.
 */
public abstract class SqsBatchFunction implements RequestStreamHandler {
    private final Observability observability;

    protected SqsBatchFunction(Observability observability) {
        this.observability = observability;
    }

    /** @return the message ids that failed and must come back */
    protected abstract Set<String> process(List<SqsRecord> records, Context context);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        List<SqsRecord> records = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            records.add(new SqsRecord(record.path("messageId").asText(), record.path("body").asText(),
                    record.path("attributes").path("ApproximateReceiveCount").asInt(1), record.path("receiptHandle").asText(null)));
        }
        Set<String> failed = observability.invocation(context, () -> process(records, context));
        ObjectNode response = Json.mapper().createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        failed.forEach(id -> failures.addObject().put("itemIdentifier", id));
        Json.mapper().writeValue(output, response);
    }

    protected Observability observability() {
        return observability;
    }
}
