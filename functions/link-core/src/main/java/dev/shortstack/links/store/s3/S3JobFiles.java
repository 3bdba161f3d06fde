package dev.shortstack.links.store.s3;

import dev.shortstack.links.jobs.JobFiles;
import dev.shortstack.links.jobs.FileChangedException;
import dev.shortstack.links.jobs.PresignedUrl;
import dev.shortstack.links.jobs.StoredFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.aws.S3Clients;
import dev.shortstack.shared.concurrent.Lazy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** The job files bucket through S3; large results are written as multipart uploads. */
public final class S3JobFiles implements JobFiles {
    /** S3's smallest part (but the last); bigger parts mean fewer requests for large exports. */
    static final int PART_BYTES = 8 * 1024 * 1024;

    private final Lazy<S3Client> s3;
    private final Lazy<S3Presigner> presigner;
    private final String bucket;

    /**
     * The clients are built on first use: most links API invocations never touch a job, and the
     * S3 client's classes would otherwise load in every cold start.
     */
    public S3JobFiles(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = Lazy.of(s3);
        this.presigner = Lazy.of(presigner);
        this.bucket = bucket;
    }

    /**
     * Over the clients of {@link AwsClients}: an overridden endpoint (an emulator) gets
     * path-style addressing, which is what the presigned URLs then use too.
     */
    public static S3JobFiles fromEnv(AwsClients aws, String bucket) {
        boolean pathStyle = aws.endpointOverridden("S3");
        return new S3JobFiles(() -> S3Clients.of(aws), () -> {
            S3Presigner.Builder presigner = S3Presigner.builder()
                    .region(aws.region())
                    .credentialsProvider(aws.credentials())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
            aws.endpointOverride("S3").ifPresent(presigner::endpointOverride);
            return presigner.build();
        }, bucket);
    }

    @Override
    public PresignedUrl presignUpload(String key, OptionalLong contentLength, Duration validFor) {
        PresignedPutObjectRequest presigned = presigner.get().presignPutObject(p -> p.signatureDuration(validFor)
                .putObjectRequest(r -> {
                    r.bucket(bucket).key(key);
                    contentLength.ifPresent(r::contentLength);
                }));
        Map<String, String> headers = new TreeMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedUrl(presigned.url().toString(), "PUT", headers, presigned.expiration());
    }

    @Override
    public PresignedUrl presignDownload(String key, String fileName, Duration validFor) {
        PresignedGetObjectRequest presigned = presigner.get().presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(r -> r.bucket(bucket).key(key)
                        .responseContentDisposition("attachment; filename=\"" + fileName + "\"")));
        return new PresignedUrl(presigned.url().toString(), "GET", Map.of(), presigned.expiration());
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.get().putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public void delete(String key) {
        s3.get().deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public Optional<StoredFile> stat(String key) {
        try {
            HeadObjectResponse head = s3.get().headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new StoredFile(head.contentLength(), head.eTag()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public InputStream read(String key, String etag, long start, long end) {
        if (end <= start) {
            return InputStream.nullInputStream();
        }
        return get(key, r -> r.bucket(bucket).key(key).ifMatch(etag).range("bytes=" + start + "-" + (end - 1)));
    }

    @Override
    public InputStream read(String key, String etag) {
        return get(key, r -> r.bucket(bucket).key(key).ifMatch(etag));
    }

    @Override
    public InputStream read(String key) {
        return s3.get().getObject(r -> r.bucket(bucket).key(key));
    }

    private InputStream get(String key, Consumer<GetObjectRequest.Builder> request) {
        try {
            return s3.get().getObject(request);
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw new FileChangedException(key);
            }
            throw e;
        }
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.get().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).forEach(keys::add);
        keys.sort(null);
        return keys;
    }

    @Override
    public WriteStream write(String key, String contentType) {
        return new MultipartStream(key, contentType);
    }

    /**
     * Buffers one part at a time. A result smaller than one part is a single PutObject; larger
     * ones start a multipart upload at the first full part.
     */
    private final class MultipartStream extends WriteStream {
        private final String key;
        private final String contentType;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(PART_BYTES);
        private final List<CompletedPart> parts = new ArrayList<>();
        private String uploadId;
        private long written;
        private boolean closed;

        MultipartStream(String key, String contentType) {
            this.key = key;
            this.contentType = contentType;
        }

        @Override
        public void write(int b) throws IOException {
            buffer.write(b);
            written++;
            flushFullPart();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            buffer.write(b, off, len);
            written += len;
            flushFullPart();
        }

        @Override
        public long bytesWritten() {
            return written;
        }

        private void flushFullPart() {
            if (buffer.size() >= PART_BYTES) {
                if (uploadId == null) {
                    uploadId = s3.get().createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)).uploadId();
                }
                uploadPart();
            }
        }

        private void uploadPart() {
            int number = parts.size() + 1;
            String etag = s3.get().uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(buffer.toByteArray())).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            buffer.reset();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (uploadId == null) {
                put(key, buffer.toByteArray(), contentType);
                return;
            }
            if (buffer.size() > 0) {
                uploadPart();
            }
            s3.get().completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        }

        @Override
        public void abort() {
            closed = true;
            if (uploadId != null) {
                s3.get().abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            }
        }
    }
}
