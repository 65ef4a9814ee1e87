package io.circuitos.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentGuardTest {

    private final ContentGuard guard = new ContentGuard(new LlmProperties.Guard(200,
            List.of("guarantee", "promise", "risk-free"), List.of("10%", "$49")));

    private ContentGuard.Result check(String body) {
        return guard.check(Map.of("subject", "Hello", "body", body), "dana@northwind.example");
    }

    @Test
    void aPlainHonestDraftPasses() {
        assertThat(check("Hi Dana, would a short call next week work for you? Write to dana@northwind.example.").passed()).isTrue();
    }

    @Test
    void pricesAndDiscountsOutsideTheCatalogueAreRefused() {
        assertThat(check("We can offer 25% off, or $1,200 per year.").violations())
                .anyMatch(v -> v.contains("'25%'")).anyMatch(v -> v.contains("'$1,200'"));
        assertThat(check("Our catalogue offer: 10% off the first year.").passed()).isTrue();
        assertThat(check("Plans start at $49.").passed()).isTrue();
    }

    @Test
    void promisesAreRefused() {
        assertThat(check("We guarantee results within a month.").violations()).anyMatch(v -> v.contains("'guarantee'"));
        assertThat(check("I PROMISE it will work.").passed()).isFalse();
    }

    @Test
    void otherPeoplesPersonalDataIsRefused() {
        assertThat(check("Ask our customer jane@othercorp.example how it went.").violations())
                .anyMatch(v -> v.contains("email address"));
        assertThat(check("Call Jane on +1 (555) 010-2030.").violations()).anyMatch(v -> v.contains("phone number"));
    }

    @Test
    void overlongTextIsRefused() {
        assertThat(check("word ".repeat(60)).violations()).anyMatch(v -> v.contains("longer than 200"));
    }
}
