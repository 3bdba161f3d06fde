package dev.shortstack.analytics.store.s3;

import dev.shortstack.analytics.store.ClickArchive;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

public final class S3ClickArchive implements ClickArchive {
    private final S3Client s3;
    private final String bucket;

    public S3ClickArchive(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] gzippedJsonLines) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/x-ndjson").contentEncoding("gzip"),
                RequestBody.fromBytes(gzippedJsonLines));
    }
}
