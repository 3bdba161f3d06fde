package dev.shortstack.bench.cost;

/**
 * Every AWS list price the cost benches use: us-east-1, before free tiers, in US dollars, as the
 * pricing pages named beside each group list them. Recorded 2026-12-01 from the figures README.md's
 * cost section uses (plus DynamoDB storage); nothing is fetched at run time, so check the pages
 * again before quoting a result. The CloudFront, API Gateway, CloudWatch Logs and Lambda Managed
 * Instances prices were added for {@code CostBench} (README.md's table and the cost brief give the
 * first three; the pages named were NOT opened to check any of them).
 */
public final class Prices {
    // DynamoDB on-demand, Standard table class: https://aws.amazon.com/dynamodb/pricing/on-demand/
    /** Per write request unit (1 KB of item, the larger of before and after). */
    public static final double DYNAMODB_WRU = 0.625 / 1_000_000;
    /** Per read request unit (4 KB strongly consistent, 8 KB eventually consistent). */
    public static final double DYNAMODB_RRU = 0.125 / 1_000_000;
    /** Per GB-month of table storage (items plus 100 bytes each), after the first 25 GB. */
    public static final double DYNAMODB_STORAGE_GB_MONTH = 0.25;

    // S3 Standard: https://aws.amazon.com/s3/pricing/ (storage and "Requests & data retrievals")
    /** Per PUT, COPY, POST or LIST request (tier 1). */
    public static final double S3_TIER1_REQUEST = 0.005 / 1_000;
    /** Per GET, SELECT and all other requests (tier 2). DELETE is free. */
    public static final double S3_GET_REQUEST = 0.0004 / 1_000;
    /** Per GB-month, first 50 TB. */
    public static final double S3_STANDARD_GB_MONTH = 0.023;

    // SQS standard queues: https://aws.amazon.com/sqs/pricing/
    /** Per request, each 64 KB chunk of a request's payload billed as one request. */
    public static final double SQS_REQUEST = 0.40 / 1_000_000;
    public static final int SQS_CHUNK_BYTES = 64 * 1024;

    // Lambda, arm64: https://aws.amazon.com/lambda/pricing/
    /** Per GB-second of duration (first 7.5 billion GB-s a month), billed per 1 ms. */
    public static final double LAMBDA_ARM_GB_SECOND = 0.0000133334;
    public static final double LAMBDA_REQUEST = 0.20 / 1_000_000;

    // CloudFront, United States / Europe edge locations (PriceClass_100): https://aws.amazon.com/cloudfront/pricing/
    /** Per HTTPS request. */
    public static final double CLOUDFRONT_HTTPS_REQUEST = 0.0100 / 10_000;
    /** Per GB of data transfer out to the internet, first 10 TB a month. */
    public static final double CLOUDFRONT_DATA_OUT_GB = 0.085;
    /** Per GB of regional data transfer out to the origin (the forwarded request). */
    public static final double CLOUDFRONT_TO_ORIGIN_GB = 0.020;

    // API Gateway HTTP APIs: https://aws.amazon.com/api-gateway/pricing/ (per request of up to 512 KB)
    /** Per request, the first 300 million a month. */
    public static final double HTTP_API_REQUEST_FIRST_300M = 1.00 / 1_000_000;
    /** Per request over 300 million a month. */
    public static final double HTTP_API_REQUEST_OVER_300M = 0.90 / 1_000_000;
    public static final long HTTP_API_FIRST_TIER_REQUESTS = 300_000_000L;

    // CloudWatch Logs, Standard log class: https://aws.amazon.com/cloudwatch/pricing/ ("Logs", data ingested)
    /** Per GB ingested (a function's stdout and stderr and Lambda's own START/END/REPORT lines). */
    public static final double CLOUDWATCH_LOGS_INGESTED_GB = 0.50;

    // Lambda Managed Instances: https://aws.amazon.com/lambda/pricing/ ("Lambda Managed Instances") and
    // https://aws.amazon.com/ec2/pricing/on-demand/. NOT checked online here: the figures below are the ones
    // the cost brief gave; check both pages before quoting a result that uses them.
    /** m7g.large (2 vCPU, 8 GiB, Graviton3) on-demand, per instance-hour, Linux, us-east-1. */
    public static final double M7G_LARGE_HOUR = 0.0816;
    /** Lambda's management fee on top of the instance: this share of the instance's on-demand price. */
    public static final double MANAGED_INSTANCES_FEE_SHARE = 0.15;
    /** Per request to a function on managed instances (no duration charge: the instances are billed instead). */
    public static final double MANAGED_INSTANCES_REQUEST = 0.20 / 1_000_000;

    // AWS PrivateLink interface endpoints (the managed instances' VPC reaches SQS, Secrets Manager and
    // CloudWatch Logs through them): https://aws.amazon.com/privatelink/pricing/ — NOT checked online here.
    /** Per endpoint per Availability Zone per hour. */
    public static final double INTERFACE_ENDPOINT_AZ_HOUR = 0.01;
    /** Per GB processed, first PB a month. */
    public static final double INTERFACE_ENDPOINT_GB = 0.01;

    /** Storage is billed per binary GB. */
    public static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;

    private Prices() {
    }
}
