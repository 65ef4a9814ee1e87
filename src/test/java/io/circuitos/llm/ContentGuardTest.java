package io.circuitos.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.llm.guard.Category;
import io.circuitos.llm.guard.GuardContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentGuardTest {

    private final ContentGuard guard = new ContentGuard(new LlmProperties.Guard(200,
            List.of("guarantee", "promise", "risk-free"), List.of("10%", "$49"), List.of("help.circuitos.example"), List.of("+1 555 010 0100")));

    private ContentGuard.Result check(String body) {
        return guard.check(Map.of("subject", "Hello", "body", body), "dana@northwind.example");
    }

    private List<Category> categories(String body) {
        return check(body).categories();
    }

    @Test
    void aPlainHonestDraftPasses() {
        assertThat(check("Hi Dana, would a short call next week work for you? Write to dana@northwind.example.").passed()).isTrue();
        assertThat(check("Open Tasklist, pick the filter of your group and click Claim. The setting lives in application.yaml; "
                + "we look at it together at 10:00 on 2026-11-23. Feel free to ask one more question.").passed()).isTrue();
    }

    @Test
    void pricesAndDiscountsOutsideTheCatalogueAreRefused() {
        assertThat(check("We can offer 25% off, or $1,200 per year.").violations())
                .anyMatch(v -> v.contains("'25%'")).anyMatch(v -> v.contains("'$1,200'"));
        assertThat(check("Our catalogue offer: 10% off the first year.").passed()).isTrue();
        assertThat(check("Plans start at $49.").passed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"We will refund you in full.", "You get three months free.", "It is free of charge for a year.",
            "Take 50% off today.", "Take fifty percent off today.", "Your plan now costs $0.", "You pay zero dollars this year.",
            "Here is a discount code for you.", "Everything at half price this month.", "We will reimburse the fees.",
            "The first month is on the house."})
    void moneyTheModelWasNotGivenIsRefused(String text) {
        assertThat(categories(text)).contains(Category.MONEY);
        assertThat(check(text).violations()).allMatch(v -> v.startsWith("money: body "));
    }

    @Test
    void theOfferTheDecisionChoseMayBeMadeAndNoOther() {
        GuardContext winBack = new GuardContext("dana@northwind.example", List.of("20% off your monthly bill for three months"));
        assertThat(guard.check(Map.of("body", "As a thank-you: 20% off your monthly bill for three months."), winBack).passed()).isTrue();
        assertThat(guard.check(Map.of("body", "Enjoy the discount: 20% off your monthly bill for three months."), winBack).passed()).isTrue();
        assertThat(guard.check(Map.of("body", "You also get three months free."), winBack).categories()).containsExactly(Category.MONEY);
        assertThat(guard.check(Map.of("body", "Take 30% off instead."), winBack).categories()).containsExactly(Category.MONEY);
        GuardContext upgrade = new GuardContext(null, List.of("a free service upgrade when you choose a one-year contract"));
        assertThat(guard.check(Map.of("body", "You get a free service upgrade when you choose a one-year contract."), upgrade).passed()).isTrue();
        assertThat(guard.check(Map.of("body", "You get it free for a year."), upgrade).categories()).containsExactly(Category.MONEY);
    }

    @Test
    void promisesAreRefused() {
        assertThat(check("We guarantee results within a month.").violations()).anyMatch(v -> v.contains("'guarantee'"));
        assertThat(check("I PROMISE it will work.").passed()).isFalse();
        assertThat(check("I PR\u200BOMISE it will work.").categories()).containsExactly(Category.PROMISE);
        assertThat(check("A compromise on the schedule is possible.").passed()).as("whole words only").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Please log in at https://evil.example/login to continue.", "Visit http://evil.example.", "See www.evil.example for more.",
            "Reset it at evil.example/login today.", "Go to EVIL.EXAMPLE/reset now.", "Open data:text/html;base64,PHNjcmlwdD4= to see it.",
            "Click javascript:alert(1) to fix it.", "Sign in at evil[dot]example/login.", "Sign in at https://help.circuitos.example.evil.example/x.",
            "Reset at ｅｖｉｌ．ｅｘａｍｐｌｅ／login."})
    void linksOutsideTheAllowedHostsAreRefused(String text) {
        assertThat(categories(text)).contains(Category.LINK);
        assertThat(check(text).violations()).anyMatch(v -> v.startsWith("link: body contains a link to ") && v.endsWith("which is not an allowed address"));
    }

    @Test
    void linksToTheAllowedHostsPass() {
        assertThat(check("The guide is at https://help.circuitos.example/tasklist.").passed()).isTrue();
        assertThat(check("The guide is at docs.help.circuitos.example/tasklist.").passed()).isTrue();
        assertThat(check("Reset at evil.example/login").violations()).containsExactly(
                "link: body contains a link to evil.example, which is not an allowed address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"![status](https://help.circuitos.example/pixel.png?d=secret)", "Here: <img src=x onerror=alert(1)>",
            "&lt;img src=&quot;https://help.circuitos.example/p.png&quot;&gt;", "! [chart] (https://help.circuitos.example/c.png)"})
    void imagesAreRefusedEvenFromAllowedHosts(String text) {
        assertThat(categories(text)).contains(Category.IMAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "Hello <b>Dana</b>", "&lt;script&gt;steal()&lt;/script&gt;", "<iframe src=x",
            "＜script＞alert(1)＜/script＞", "Hi &nbsp;&zwnj; there &bogus;"})
    void markupIsRefused(String text) {
        assertThat(categories(text)).contains(Category.MARKUP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ask jane@othercorp.example how it went.", "Ask jane[at]othercorp[dot]example.", "Ask jane (at) othercorp (dot) example.",
            "Ask jane＠othercorp．example.", "Ask jane&#64;othercorp.example.", "Ask jane&commat;othercorp&period;example.",
            "Ask jane at othercorp dot example.", "Ask jane&amp;#64;othercorp.example.", "Ask j.a.n.e {at} othercorp {dot} example."})
    void otherPeoplesEmailAddressesAreRefusedHoweverWritten(String text) {
        assertThat(categories(text)).contains(Category.EMAIL);
        assertThat(check(text).violations()).anyMatch(v -> v.contains("another person's email address (") && v.contains("othercorp.example"));
    }

    @Test
    void theRecipientsOwnAddressPassesHoweverWritten() {
        assertThat(check("We will write to dana at northwind dot example.").passed()).isTrue();
        assertThat(check("We will write to DANA＠northwind.example.").passed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call Jane on +1 (555) 010-2030.", "Call 555 123 4567.", "Call five five five, one two three four.",
            "Call five-five-five one-two-three-four.", "Call ５５５-１２３-４５６７.", "Call 555.123.4567 today."})
    void phoneNumbersInDigitsOrWordsAreRefused(String text) {
        assertThat(categories(text)).contains(Category.PHONE);
    }

    @Test
    void anAllowedPhoneNumberPasses() {
        assertThat(check("Our hotline is +1 555 010 0100.").passed()).isTrue();
        assertThat(check("Our hotline is one five five five zero one zero zero one zero zero.").passed()).isTrue();
    }

    @Test
    void overlongTextIsRefused() {
        assertThat(check("word ".repeat(60)).violations()).anyMatch(v -> v.contains("longer than 200"));
    }
}
