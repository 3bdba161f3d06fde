package dev.shortstack.analytics.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.analytics.replay.ReplayedClicks;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.sqs.SqsBatches;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Closes the replay path: subscribed to the redirect's log lines marked {@code "replay": "click"} (the clicks SQS refused),
 * it puts each click back on the clicks queue. Any failure fails the invocation, which Lambda retries and then hands to
 * its failure queue: a click is never dropped here, and one sent twice counts once (the archive keeps a click id once).
 */
public final class ReplayClicksFunction implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayClicksFunction.class);
    private final SqsClient sqs;
    private final String clicksQueueUrl;
    private final Observability observability;

    public ReplayClicksFunction() {
        this(Env.system());
    }

    public ReplayClicksFunction(Env env) {
        this(AwsClients.fromEnv(env).sqs(), env.require(EnvNames.CLICKS_QUEUE_URL));
    }

    public ReplayClicksFunction(SqsClient sqs, String clicksQueueUrl) {
        this.sqs = sqs;
        this.clicksQueueUrl = clicksQueueUrl;
        this.observability = new Observability("click-replay");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        int replayed = observability.invocation(context, () -> {
            ReplayedClicks.Read read;
            try {
                read = ReplayedClicks.from(event);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (read.unreadable() > 0) {
                // Lines that are not a complete click were never clicks the redirect answered; nothing to put back.
                LOG.error("{} replay log lines carried no complete click", read.unreadable());
                observability.count("ClickReplayUnreadable", read.unreadable());
            }
            SqsBatches.sendJson(sqs, clicksQueueUrl, read.clicks());
            observability.count("ClickReplayed", read.clicks().size());
            return read.clicks().size();
        });
        Json.mapper().writeValue(output, Json.mapper().createObjectNode().put("replayed", replayed));
    }
}
