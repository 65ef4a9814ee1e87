-- Who made which model version the champion, when and why (promotions and rollbacks): the audit of an analyst's action.
create table circuitos_model_promotion (
    id            varchar(64)   not null,
    model_name    varchar(255)  not null,
    action        varchar(16)   not null,
    from_version  varchar(255)  not null,
    to_version    varchar(255)  not null,
    by_user       varchar(255)  not null,
    reason        varchar(2000) not null,
    at            timestamp     not null,
    constraint pk_circuitos_model_promotion primary key (id)
);
create index ix_circuitos_model_promotion_model on circuitos_model_promotion (model_name, at);
