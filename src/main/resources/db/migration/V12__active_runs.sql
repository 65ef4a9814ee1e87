-- One row per (process, business key) that a route with on-active-run ignore or correlate has seen: the
-- row is the lock two deliveries for the same key take in turn, so they cannot both find no run and start two.
create table circuitos_run_key (
    process_key  varchar(255) not null,
    business_key varchar(255) not null,
    constraint pk_circuitos_run_key primary key (process_key, business_key)
);

-- What a delivery did (started, continued, ignored-active-run, applied), answered again to its redelivery.
alter table circuitos_webhook_delivery add column outcome varchar(32);
