-- One row per accepted webhook delivery; the primary key makes redeliveries idempotent.
create table circuitos_webhook_delivery (
    source              varchar(64)  not null,
    webhook_id          varchar(255) not null,
    event_type          varchar(255) not null,
    business_key        varchar(255),
    process_instance_id varchar(64),
    received_at         timestamp    not null,
    constraint pk_circuitos_webhook_delivery primary key (source, webhook_id)
);
