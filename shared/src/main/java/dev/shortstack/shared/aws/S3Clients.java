package dev.shortstack.shared.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The one way the functions build their S3 client. Against an emulator (an overridden endpoint,
 * plain HTTP) it addresses buckets path-style and signs each upload whole: over HTTP the SDK would
 * otherwise sign it chunk by chunk (aws-chunked), and the emulator (S3Proxy 4.1) answers such an
 * upload before it has read the last chunk and closes the connection, so some writes failed with
 * "Error writing request body to server" (about 1 in 200 under load, 1 in 5 one at a time: S3UploadBench). Against
 * AWS nothing changes.
 */
public final class S3Clients {
    private S3Clients() {
    }

    public static S3Client of(AwsClients aws) {
        return aws.build(builder(aws), "S3");
    }

    /** The settings above, before {@link AwsClients#build} adds region, credentials, endpoint and HTTP client. */
    public static S3ClientBuilder builder(AwsClients aws) {
        boolean emulated = aws.endpointOverridden("S3");
        return S3Client.builder()
                .forcePathStyle(emulated)
                .serviceConfiguration(s3 -> s3.chunkedEncodingEnabled(!emulated));
    }
}
