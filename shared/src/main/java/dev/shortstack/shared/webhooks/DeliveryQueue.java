package dev.shortstack.shared.webhooks;

import java.util.List;

/** Where deliveries wait for their attempts. */
public interface DeliveryQueue {
    void send(List<DeliveryMessage> messages);
}
