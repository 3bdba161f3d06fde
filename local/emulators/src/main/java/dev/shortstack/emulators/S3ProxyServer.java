package dev.shortstack.emulators;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** S3Proxy (S3 emulator) embedded in this JVM on loopback, in memory or on disk. */
public final class S3ProxyServer implements AutoCloseable {
    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyServer(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static S3ProxyServer start(Optional<Path> directory, String accessKey, String secretKey) {
        int port = FreePort.find();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(directory.isPresent()
                            ? new FilesystemNio2BlobStore(directory.get().toString())
                            : new TransientNio2BlobStore())
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .endpoint(endpoint)
                    // As the job files bucket's CORS rule in the CDK app: browsers upload to presigned URLs.
                    .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "PUT", "HEAD"),
                            List.of("*"), List.of("ETag"), "false"))
                    .build();
            proxy.start();
            if (!"STARTED".equals(proxy.getState())) {
                throw new IllegalStateException("state is " + proxy.getState());
            }
            return new S3ProxyServer(proxy, endpoint);
        } catch (Exception e) {
            throw new EmulatorStartException("S3Proxy did not start on " + endpoint + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop cleanly", e);
        }
    }
}
