package dev.shortstack.shared.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookTargetsTest {
    private final WebhookTargets aws = new WebhookTargets(false);
    private final WebhookTargets loopbackAllowed = new WebhookTargets(true);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "https://hooks.example.com/shortstack               | ",
            "https://hooks.example.com:8443/a?b=c               | ",
            "https://93.184.215.14/hook                          | ",
            "http://hooks.example.com/hook                       | must use https",
            "ftp://hooks.example.com/hook                        | must use https",
            "hooks.example.com/hook                              | must be an absolute https URL with a host",
            "https://user:pw@hooks.example.com/                  | must not carry credentials (user:password@)",
            "https://hooks.example.com/#frag                     | must not have a fragment (#...)",
            "https://localhost/hook                              | must not name this machine (localhost)",
            "https://metadata.google.internal/                   | must be a public host, not metadata.google.internal",
            "https://printer.local/                              | must be a public host, not printer.local",
            "https://127.0.0.1/hook                              | resolves to 127.0.0.1, a loopback address",
            "https://10.1.2.3/hook                               | resolves to 10.1.2.3, a private or reserved address",
            "https://172.16.0.1/hook                             | resolves to 172.16.0.1, a private or reserved address",
            "https://192.168.1.1/hook                            | resolves to 192.168.1.1, a private or reserved address",
            "https://169.254.169.254/latest/meta-data/           | resolves to 169.254.169.254, a link-local address (where cloud metadata services listen)",
            "https://100.64.0.1/hook                             | resolves to 100.64.0.1, a private or reserved address",
            "https://0.0.0.0/hook                                | resolves to 0.0.0.0, an unspecified address",
            "https://[::1]/hook                                  | resolves to 0:0:0:0:0:0:0:1, a loopback address",
            "https://[fd00:ec2::254]/hook                        | resolves to fd00:ec2:0:0:0:0:0:254, a private or reserved address",
            "https://[fe80::1]/hook                              | resolves to fe80:0:0:0:0:0:0:1, a link-local address (where cloud metadata services listen)",
            "https://[::ffff:10.0.0.1]/hook                      | resolves to 10.0.0.1, a private or reserved address",
            "https://224.0.0.1/hook                              | resolves to 224.0.0.1, a multicast address",
            "https://2130706433/hook                             | must be a host name or an IPv4 address in four dotted parts, not 2130706433",
            "https://127.1/hook                                  | must be an absolute https URL with a host",
            "https://0/hook                                      | must be a host name or an IPv4 address in four dotted parts, not 0",
            "https://169.254.43518/latest                        | must be an absolute https URL with a host",
            "https://010.0.0.1/hook                              | must be a host name or an IPv4 address in four dotted parts, not 010.0.0.1",
            "https://[64:ff9b::a00:1]/hook                       | resolves to 64:ff9b:0:0:0:0:a00:1, a private or reserved address",
            "https://[2002:a00:1::]/hook                         | resolves to 2002:a00:1:0:0:0:0:0, a private or reserved address",
            "https://hooks.example.com:99999/hook                | must have a port from 1 to 65535",
            "https://hooks.example.com:0/hook                    | must have a port from 1 to 65535",
    })
    void inAwsOnlyHttpsToPublicHostsIsAllowed(String url, String violation) {
        assertThat(aws.urlViolation(url)).as(url).isEqualTo(java.util.Optional.ofNullable(violation));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8081/hooks | ",
            "http://localhost:8081/hooks | ",
            "https://[::1]:8443/hooks    | ",
            "http://10.0.0.1/hooks       | must use https",
            "https://10.0.0.1/hooks      | resolves to 10.0.0.1, a private or reserved address",
    })
    void theRunnersLoopbackFlagAllowsLoopbackAndNothingElse(String url, String violation) {
        assertThat(loopbackAllowed.urlViolation(url)).as(url).isEqualTo(java.util.Optional.ofNullable(violation));
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8, true", "2606:4700:4700::1111, true", "127.0.0.53, false", "169.254.170.2, false", "198.18.0.1, false",
            "240.0.0.1, false", "255.255.255.255, false", "192.0.0.8, false", "::ffff:169.254.169.254, false"})
    void everyResolvedAddressIsJudgedOnItsOwn(String address, boolean allowed) throws UnknownHostException {
        assertThat(aws.addressViolation(InetAddress.getByName(address)).isEmpty()).as(address).isEqualTo(allowed);
    }
}
