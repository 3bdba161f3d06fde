package dev.shortstack.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsAndIsBoundToItsTagFilter() {
        String encoded = new PageCursor("001795858200000#abc", "promo").encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(encoded, "promo").afterCreatedKey()).isEqualTo("001795858200000#abc");
        assertThatThrownBy(() -> PageCursor.decode(encoded, null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.INVALID_CURSOR));
    }

    @Test
    void aWebhookDeliverysIdIsAPositionToo() {
        for (String id : new String[] {"evt_0mx5dugau88b0757949f70069", "evt_0mx5dugau88b0757949f70069_r0mx5e1x2y"}) {
            assertThat(PageCursor.decode(new PageCursor(id, "webhook:wh_a").encode(), "webhook:wh_a").afterCreatedKey()).isEqualTo(id);
        }
    }

    @Test
    void forgedCursorsAreRefused() {
        for (String forged : new String[] {"!!!", "e30", b64("{\"k\":\"x\"}"), b64("{\"k\":\"001795858200000#a b\"}"), b64("[]")}) {
            assertThatThrownBy(() -> PageCursor.decode(forged, null)).isInstanceOf(ApiProblem.class);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }
}
