package dev.shortstack.stats.archive.s3;

import dev.shortstack.stats.archive.ArchiveObjectMissingException;
import dev.shortstack.stats.archive.ArchiveStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

public final class S3ArchiveStore implements ArchiveStore {
    /** DeleteObjects takes at most this many keys. */
    private static final int DELETE_MAX = 1000;
    private final S3Client s3;
    private final String bucket;

    public S3ArchiveStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).forEach(keys::add);
        return keys;
    }

    @Override
    public List<String> list(String prefix, String startAfter) {
        if (startAfter.isEmpty()) {
            return list(prefix);
        }
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).startAfter(startAfter)).contents().stream()
                .map(S3Object::key).forEach(keys::add);
        return keys;
    }

    @Override
    public byte[] get(String key) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        } catch (S3Exception e) {
            if (missing(e)) {
                throw new ArchiveObjectMissingException(key, e);
            }
            throw e;
        }
    }

    /**
     * S3 answers 403, not 404, for a missing key when the caller may not list the bucket without a
     * prefix condition, as these functions may not: either way the object is not there for us.
     */
    private static boolean missing(S3Exception e) {
        return e instanceof NoSuchKeyException || e.statusCode() == 403 || e.statusCode() == 404;
    }

    @Override
    public void download(String key, Path target) {
        try {
            s3.getObject(r -> r.bucket(bucket).key(key), target);
        } catch (S3Exception e) {
            if (missing(e)) {
                throw new ArchiveObjectMissingException(key, e);
            }
            throw e;
        }
    }

    @Override
    public void upload(String key, Path file) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/vnd.apache.parquet"), RequestBody.fromFile(file));
    }

    @Override
    public void move(String from, String to) {
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
        s3.deleteObject(r -> r.bucket(bucket).key(from));
    }

    @Override
    public void delete(Collection<String> keys) {
        List<ObjectIdentifier> ids = keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        for (int i = 0; i < ids.size(); i += DELETE_MAX) {
            List<ObjectIdentifier> page = ids.subList(i, Math.min(ids.size(), i + DELETE_MAX));
            s3.deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(page).quiet(true).build()));
        }
    }
}
