package io.circuitos.privacy;

import io.circuitos.intake.ActiveRunPolicy;
import io.circuitos.intake.FieldMapping;
import io.circuitos.intake.FieldType;
import io.circuitos.intake.Route;
import io.circuitos.intake.RouteCatalogue;
import java.util.List;

/** A support route whose ticket text is personal, and {@code draft} and {@code caseTitle} configured as personal. */
public final class PersonalDataFixture {

    public static final RouteCatalogue ROUTES = RouteCatalogue.of("this test", List.of(new Route(
            "support.ticket_created", "support-escalation", null, null, "ticketId", List.of("helpdesk"), List.of(
            new FieldMapping("ticketId", "data.ticketId", FieldType.STRING, true, null, null, 64, List.of(), null),
            new FieldMapping("ticketText", "data.text", FieldType.STRING, true, null, null, 4000, List.of(), null, true),
            new FieldMapping("customerTier", "data.customer.tier", FieldType.STRING, false, null, null, null, List.of(), null)), ActiveRunPolicy.IGNORE)));
    public static final PersonalData PERSONAL = PersonalData.of(ROUTES, new PrivacyProperties(List.of("draft", "caseTitle")));

    private PersonalDataFixture() {
    }
}
