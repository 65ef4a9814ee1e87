package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.intake.InboxBatchChoice.Place;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxBatchChoiceTest {

    @Test
    void aBatchTakesTheOldestDueDeliveriesAndEachBusinessKeyOnce() {
        InboxBatchChoice choice = new InboxBatchChoice(10);
        choice.read(List.of(new Place(1, "A", true), new Place(2, "B", true), new Place(3, "A", true), new Place(4, null, true),
                new Place(5, null, true), new Place(6, "C", true)));
        assertThat(choice.chosen()).containsExactly(1L, 2L, 4L, 5L, 6L);
    }

    @Test
    void aDeliveryWaitingForItsRetryHoldsItsKeyBackButNotOthers() {
        InboxBatchChoice choice = new InboxBatchChoice(10);
        choice.read(List.of(new Place(1, "A", false), new Place(2, "A", true), new Place(3, "B", true)));
        assertThat(choice.chosen()).containsExactly(3L);
    }

    @Test
    void aKeySeenOnAnEarlierPageStaysHeldBackOnTheNext() {
        InboxBatchChoice choice = new InboxBatchChoice(10);
        assertThat(choice.read(List.of(new Place(1, "A", false), new Place(2, "B", true)))).isTrue();
        choice.read(List.of(new Place(3, "A", true), new Place(4, "B", true), new Place(5, "C", true)));
        assertThat(choice.chosen()).containsExactly(2L, 5L);
    }

    @Test
    void aFullBatchAsksForNoMorePages() {
        InboxBatchChoice choice = new InboxBatchChoice(2);
        assertThat(choice.read(List.of(new Place(1, "A", true), new Place(2, "B", true), new Place(3, "C", true)))).isFalse();
        assertThat(choice.chosen()).containsExactly(1L, 2L);
    }
}
