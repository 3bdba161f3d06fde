package dev.shortstack.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortstack.shared.config.ConfigException;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkKeys;
import dev.shortstack.shared.link.ShortUrls;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortDomainsTest {
    private static final ShortDomains DOMAINS = ShortDomains.parse(" go.acme.example=acme , l.team.example=team", "ops");

    @Test
    void aHostHeaderNamesAnExtraDomainWhateverItsCasePortOrTrailingDotAndAnythingElseIsTheDefault() {
        assertThat(DOMAINS.domainOf("go.acme.example")).isEqualTo("go.acme.example");
        assertThat(DOMAINS.domainOf("GO.Acme.Example:443")).isEqualTo("go.acme.example");
        assertThat(DOMAINS.domainOf("go.acme.example.")).isEqualTo("go.acme.example");
        assertThat(DOMAINS.domainOf("sho.rt")).isNull();
        assertThat(DOMAINS.domainOf("d111.cloudfront.net")).isNull();
        assertThat(DOMAINS.domainOf("[::1]:8080")).isNull();
        assertThat(DOMAINS.domainOf(null)).isNull();
        assertThat(DOMAINS.domainOf("")).isNull();
    }

    @Test
    void ownersUseTheirDomainsAndEveryoneUsesTheDefault() {
        assertThat(DOMAINS.ownerOf("l.team.example")).hasValue("team");
        assertThat(DOMAINS.ownerOf(null)).hasValue("ops");
        assertThat(DOMAINS.ownedBy("acme")).containsExactly("go.acme.example");
        assertThat(DOMAINS.usableBy("go.acme.example", "acme")).isTrue();
        assertThat(DOMAINS.usableBy("go.acme.example", "team")).isFalse();
        assertThat(DOMAINS.usableBy(null, "anyone")).isTrue();
        assertThat(DOMAINS.usableBy("unknown.example", "acme")).isFalse();
        assertThat(ShortDomains.parse(DOMAINS.spec(), "ops")).isEqualTo(DOMAINS);
    }

    @Test
    void malformedConfigurationIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> ShortDomains.parse("go.acme.example", null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'go.acme.example'");
        assertThatThrownBy(() -> ShortDomains.parse("localhost=acme", null)).hasMessageContaining("at least one dot");
        assertThatThrownBy(() -> ShortDomains.parse("https://go.example=acme", null)).hasMessageContaining("host=workspace");
        assertThatThrownBy(() -> ShortDomains.parse("go.example=a b", null)).hasMessageContaining("host=workspace");
        assertThatThrownBy(() -> ShortDomains.parse("go.example=a,GO.example=b", null)).hasMessageContaining("twice");
        assertThatThrownBy(() -> ShortDomains.parse("", "not a workspace")).hasMessageContaining("DEFAULT_DOMAIN_WORKSPACE");
    }

    @Test
    void aLinksKeyIsItsSlugOnTheDefaultDomainAndHostSlashSlugElsewhereAndItsShortUrlUsesThatHost() {
        Link onDefault = new Link("spring", "id", "ws", "https://example.com", 302, Instant.EPOCH, Instant.EPOCH, null, null, List.of(),
                false, 1, "k");
        Link onGo = onDefault.onDomain("go.acme.example");

        assertThat(onDefault.key()).isEqualTo("spring");
        assertThat(onGo.key()).isEqualTo("go.acme.example/spring");
        assertThat(LinkKeys.domainOf(onGo.key())).isEqualTo("go.acme.example");
        assertThat(LinkKeys.slugOf(onGo.key())).isEqualTo("spring");
        assertThat(LinkKeys.domainOf("spring")).isNull();
        assertThat(ShortUrls.of("https://sho.rt/", onDefault)).isEqualTo("https://sho.rt/spring");
        assertThat(ShortUrls.of("https://sho.rt", onGo)).isEqualTo("https://go.acme.example/spring");
        assertThat(ShortUrls.of("http://localhost:8080", onGo)).as("the runner's port kept").isEqualTo("http://go.acme.example:8080/spring");
    }

    @Test
    void anOrphanVisitsLinkIdSaysItsKindAndDomain() {
        String id = OrphanVisits.linkIdOf(OrphanVisits.Kind.INVALID_SHORT_URL, "go.acme.example");

        assertThat(id).isEqualTo("invalid_short_url@go.acme.example");
        assertThat(OrphanVisits.parse(id)).hasValue(new OrphanVisits.Filed(OrphanVisits.Kind.INVALID_SHORT_URL, "go.acme.example"));
        assertThat(OrphanVisits.parse("3f0c-link-id")).isEmpty();
        assertThat(OrphanVisits.workspaceOf("acme")).isEqualTo("acme~orphans");
        assertThat(OrphanVisits.clippedPath("/" + "a".repeat(400))).hasSize(OrphanVisits.MAX_PATH);
    }
}
