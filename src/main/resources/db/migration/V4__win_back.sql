-- One row per customer per win-back campaign: offer, finance, draft, and what happened to the email.
-- The primary key is what makes "one email per customer and campaign" hold across retries and reruns.
create table circuitos_campaign_message (
    campaign_id         varchar(64)   not null,
    customer_id         varchar(64)   not null,
    customer_status     varchar(16)   not null,
    churn_risk          decimal(6,4),
    segment             varchar(32)   not null,
    strategy            varchar(32)   not null,
    offer               varchar(64)   not null,
    offer_cost          decimal(12,2) not null,
    customer_value      decimal(12,2) not null,
    save_probability    decimal(6,4)  not null,
    expected_revenue    decimal(12,2),
    roi                 decimal(12,2),
    email               varchar(320),
    draft               varchar(4000),
    draft_origin        varchar(16),
    selected            boolean       not null,
    sent_at             timestamp,
    opened_at           timestamp,
    clicked_at          timestamp,
    reactivated_at      timestamp,
    constraint pk_circuitos_campaign_message primary key (campaign_id, customer_id)
);
create index ix_circuitos_campaign_message_customer on circuitos_campaign_message (customer_id, sent_at);

-- The strategy each segment is on, in the order strategies are tried, with the segment's engagement baseline.
create table circuitos_segment_strategy (
    segment              varchar(32)  not null,
    strategy             varchar(32)  not null,
    rank_order           integer      not null,
    baseline_engagement  decimal(6,4) not null,
    active               boolean      not null,
    retired_at           timestamp,
    constraint pk_circuitos_segment_strategy primary key (segment, strategy)
);
insert into circuitos_segment_strategy (segment, strategy, rank_order, baseline_engagement, active) values
    ('fiber', 'discount', 1, 0.3000, true), ('fiber', 'upgrade', 2, 0.3000, false), ('fiber', 'loyalty-call', 3, 0.3000, false),
    ('dsl', 'upgrade', 1, 0.2500, true), ('dsl', 'discount', 2, 0.2500, false), ('dsl', 'loyalty-call', 3, 0.2500, false),
    ('phone-only', 'loyalty-call', 1, 0.2000, true), ('phone-only', 'discount', 2, 0.2000, false);

-- One row per segment per evaluated campaign (a "cycle"): engagement against the baseline.
create table circuitos_segment_cycle (
    campaign_id      varchar(64)  not null,
    segment          varchar(32)  not null,
    strategy         varchar(32)  not null,
    sent             integer      not null,
    engaged          integer      not null,
    reactivated      integer      not null,
    engagement_rate  decimal(6,4) not null,
    baseline         decimal(6,4) not null,
    below_threshold  boolean      not null,
    evaluated_at     timestamp    not null,
    constraint pk_circuitos_segment_cycle primary key (campaign_id, segment)
);

-- Every self-correction: rotations and escalations, with the evidence behind them.
create table circuitos_strategy_change (
    id              varchar(64)   not null,
    segment         varchar(32)   not null,
    from_strategy   varchar(32)   not null,
    to_strategy     varchar(32),
    action          varchar(16)   not null,
    reason          varchar(1000) not null,
    confidence      decimal(6,4)  not null,
    campaign_id     varchar(64)   not null,
    changed_at      timestamp     not null,
    constraint pk_circuitos_strategy_change primary key (id)
);

-- Every change the agent made to the save-probability decision table: old and new value and the evidence.
create table circuitos_save_probability_change (
    id                  varchar(64)  not null,
    segment             varchar(32)  not null,
    offer               varchar(64)  not null,
    old_probability     decimal(6,4) not null,
    new_probability     decimal(6,4) not null,
    sent                integer      not null,
    reactivated         integer      not null,
    campaign_id         varchar(64)  not null,
    decision_version    integer,
    deployment_id       varchar(64),
    changed_at          timestamp    not null,
    constraint pk_circuitos_save_probability_change primary key (id)
);

-- Emails can be idempotent per campaign ("win-back:<campaign id>"), not only per process instance.
alter table circuitos_sent_email alter column process_instance_id set data type varchar(128);
