package dev.shortstack.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class UnreachableDependencyTest {
    @Test
    void connectionsRefusedOrCutAndCallsOutOfTimeAreADependencyNotAnswering() {
        assertThat(UnreachableDependency.is(SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused")).build())).isTrue();
        assertThat(UnreachableDependency.is(SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new SocketException("Connection reset")).build())).isTrue();
        assertThat(UnreachableDependency.is(ApiCallTimeoutException.create(1500))).isTrue();
    }

    @Test
    void otherFailuresAreOurs() {
        assertThat(UnreachableDependency.is(SdkClientException.create("Unable to marshall request"))).isFalse();
        assertThat(UnreachableDependency.is(new IllegalStateException(new ConnectException("not an SDK call")))).isFalse();
        assertThat(UnreachableDependency.is(new NullPointerException())).isFalse();
    }
}
