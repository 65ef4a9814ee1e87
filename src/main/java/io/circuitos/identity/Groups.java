package io.circuitos.identity;

import java.util.List;

/** The groups circuitos knows, the same in the engine's identity and in Keycloak. */
public final class Groups {

    public static final String SALES_REPS = "sales-reps";
    public static final String SALES_MANAGERS = "sales-managers";
    public static final String SUPPORT_AGENTS = "support-agents";
    public static final String SUPPORT_LEADS = "support-leads";
    public static final String MARKETING_MANAGERS = "marketing-managers";
    public static final String ANALYSTS = "analysts";
    public static final String ADMINS = "admins";
    /**
     * The webapps' built-in administrator group: while nobody is in it, Camunda Admin offers a
     * public "create the first admin" setup page, so every admin is also made a member of it.
     */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(SALES_REPS, SALES_MANAGERS, SUPPORT_AGENTS, SUPPORT_LEADS,
            MARKETING_MANAGERS, ANALYSTS, ADMINS);

    /** Groups that work tasks in Tasklist. */
    public static final List<String> TASK_WORKERS = List.of(SALES_REPS, SALES_MANAGERS, SUPPORT_AGENTS, SUPPORT_LEADS,
            MARKETING_MANAGERS);

    private Groups() {
    }
}
