package io.circuitos.agents.winback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignSendsTest {

    @Test
    void aCampaignSaysHowManyOfItsEmailsWentOutAndWhyTheOthersDidNot() {
        CampaignSends sends = new CampaignSends(1_000, 812, Map.of("no mail server is configured", 188));
        assertThat(sends.notSent()).isEqualTo(188);
        assertThat(sends.summary()).isEqualTo("campaign sent 812 of 1,000 emails; 188 not sent: no mail server is configured");
    }

    @Test
    void severalReasonsAreCountedMostFrequentFirst() {
        CampaignSends sends = new CampaignSends(10, 4, Map.of(CampaignSends.NO_SEND_RECORDED, 1, "no mail server is configured", 5));
        assertThat(sends.summary()).isEqualTo("campaign sent 4 of 10 emails; 6 not sent: 5 no mail server is configured, 1 no send recorded");
    }

    @Test
    void aCampaignThatSentEverythingNamesNoReason() {
        assertThat(new CampaignSends(1, 1, Map.of()).summary()).isEqualTo("campaign sent 1 of 1 email");
    }
}
