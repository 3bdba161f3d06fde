package dev.shortstack.webhooks.delivery;

/** Keeps a failed delivery's message out of sight until its retry is due. */
public interface RetryWait {
    /** @param receiptHandle the message's handle for this receive */
    void hide(String receiptHandle, int seconds);
}
