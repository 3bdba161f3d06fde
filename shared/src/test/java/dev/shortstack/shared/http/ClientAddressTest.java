package dev.shortstack.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4ClientIsItsAddressAndAnIpv6ClientItsSlash64() {
        assertThat(ClientAddress.network("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.network("2001:db8:1:2:3:4:5:6")).isEqualTo("20010db800010002::/64")
                .isEqualTo(ClientAddress.network("2001:db8:1:2:ffff::1"));
        assertThat(ClientAddress.network("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.network("2001:db8:1:2::1"));
    }
}
