-- Deployments an admin made although the agent's case book failed on them: who, when, why, and which cases failed.
create table circuitos_case_override (
    id            varchar(64)   not null,
    process_key   varchar(255)  not null,
    by_user       varchar(255)  not null,
    reason        varchar(2000) not null,
    failing       varchar(4000) not null,
    at            timestamp     not null,
    constraint pk_circuitos_case_override primary key (id)
);
create index ix_circuitos_case_override_process on circuitos_case_override (process_key, at);
