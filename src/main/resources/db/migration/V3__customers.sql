-- The customer store the win-back agent selects from: Telco-style attributes (the churn model's
-- features), value, status and churn date. Filled by POST /api/imports/customers and billing webhooks.
create table circuitos_customer (
    customer_id        varchar(64)   not null,
    name               varchar(255),
    email              varchar(320),
    gender             varchar(16),
    senior_citizen     varchar(1),
    partner            varchar(3),
    dependents         varchar(3),
    tenure             integer       not null,
    phone_service      varchar(3),
    multiple_lines     varchar(32),
    internet_service   varchar(32)   not null,
    online_security    varchar(32),
    online_backup      varchar(32),
    device_protection  varchar(32),
    tech_support       varchar(32),
    streaming_tv       varchar(32),
    streaming_movies   varchar(32),
    contract           varchar(32)   not null,
    paperless_billing  varchar(3),
    payment_method     varchar(64),
    monthly_charges    decimal(10,2) not null,
    total_charges      decimal(12,2),
    segment            varchar(32)   not null,
    customer_value     decimal(12,2) not null,
    status             varchar(16)   not null,
    churned_on         date,
    churn_date_source  varchar(16),
    updated_at         timestamp     not null,
    constraint pk_circuitos_customer primary key (customer_id)
);
create index ix_circuitos_customer_status on circuitos_customer (status, churned_on);
