package dev.shortstack.shared.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A Lambda context for invocations that the Lambda service did not make: priming before a
 * snapshot, the local runner, tests and benchmarks.
 */
public final class FixedContext implements Context {
    private static final LambdaLogger STDOUT = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.print(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final String functionName;
    private final String requestId;
    private final int memoryMb;
    private final long deadlineMillis;

    public FixedContext(String functionName, String requestId, int memoryMb, int timeoutSeconds) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.memoryMb = memoryMb;
        this.deadlineMillis = System.currentTimeMillis() + timeoutSeconds * 1000L;
    }

    /** A new request to a function with 1 GB and 30 s, as the local runner gives every function. */
    public static FixedContext invocation(String functionName) {
        return new FixedContext(functionName, UUID.randomUUID().toString(), 1024, 30);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return STDOUT;
    }
}
