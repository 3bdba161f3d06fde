package dev.shortstack.emulators;

import dev.shortstack.shared.infra.QueueDefinition;
import java.util.Map;

/**
 * The resources of one provisioned stage.
 *
 * @param resourceEnv the variables naming them, as the CDK app sets them on functions
 * @param queueUrls   queue URL by logical name, dead-letter queues included
 */
public record Stage(String name, Map<String, String> resourceEnv, Map<String, String> queueUrls) {

    public String queueUrl(QueueDefinition queue) {
        return queueUrls.get(queue.logicalName());
    }

    public String deadLetterQueueUrl(QueueDefinition queue) {
        return queueUrls.get(queue.deadLetterLogicalName());
    }
}
